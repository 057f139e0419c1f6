package dev.jobstream.contract;

import org.jspecify.annotations.Nullable;

/**
 * Why an attempt failed.
 *
 * @param type the exception class, or a short reason code for records that are not valid jobs
 * @param message a human-readable message
 * @param stack an excerpt of the stack trace, when there is one
 */
public record JobError(String type, String message, @Nullable String stack) {

    private static final int STACK_LINES = 8;

    /** Describes an exception with its class, message and the first lines of its stack. */
    public static JobError of(Throwable failure) {
        StringBuilder stack = new StringBuilder();
        StackTraceElement[] frames = failure.getStackTrace();
        for (int i = 0; i < Math.min(STACK_LINES, frames.length); i++) {
            stack.append("at ").append(frames[i]).append('\n');
        }
        String message = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
        return new JobError(failure.getClass().getName(), message, stack.toString());
    }
}
