package dev.jobstream.contract;

/**
 * One reason a submission is not a valid job.
 *
 * @param field the offending field as a dotted path, e.g. {@code payload.duration}
 * @param message what is wrong with it
 */
public record Violation(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
