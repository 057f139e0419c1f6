package dev.jobstream.gateway.caller;

import org.jspecify.annotations.Nullable;

/**
 * The user a request acts for. A controller method takes one as a parameter to require the header.
 *
 * @param userId the user id from the {@code X-User-Id} header
 */
public record Caller(String userId) {

    /** The header that names the caller. */
    public static final String HEADER = "X-User-Id";

    /** The longest user id accepted. */
    public static final int MAX_LENGTH = 128;

    /**
     * The caller a header names.
     *
     * @throws UnknownCallerException when the header is missing, blank, too long or holds control characters
     */
    public static Caller fromHeader(@Nullable String header) {
        if (header == null || header.isBlank()) {
            throw new UnknownCallerException("The " + HEADER + " header is required.");
        }
        if (header.length() > MAX_LENGTH || header.chars().anyMatch(Character::isISOControl)) {
            throw new UnknownCallerException("The " + HEADER + " header must be at most " + MAX_LENGTH
                    + " characters without control characters.");
        }
        return new Caller(header);
    }
}
