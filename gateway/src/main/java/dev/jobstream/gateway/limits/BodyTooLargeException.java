package dev.jobstream.gateway.limits;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Raised while a request body is read once it has grown past the limit. It is an {@link IOException} so that it
 * travels through the body readers like any other read failure, and is recognised again when the failure is
 * answered.
 */
public class BodyTooLargeException extends IOException {

    BodyTooLargeException(long limit) {
        super("The request body exceeds the limit of " + limit + " bytes.");
    }

    /** The limit failure among the causes of a read failure, if the body was too large. */
    public static @Nullable BodyTooLargeException findIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }
}
