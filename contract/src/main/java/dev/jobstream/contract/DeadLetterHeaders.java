package dev.jobstream.contract;

/**
 * Headers of a record on the dead-letter topic. Its value is the job record as it was last run (or, for a record
 * that was never a valid job, the original value as it was read); the headers say why it is there.
 */
public final class DeadLetterHeaders {

    /** The exception class, or {@link InvalidJobRecordException#REASON} for a record that is not a valid job. */
    public static final String ERROR_CLASS = "jobstream.error.class";

    /** The error message. */
    public static final String ERROR_MESSAGE = "jobstream.error.message";

    /** The first lines of the stack trace, when there is one. */
    public static final String ERROR_STACK = "jobstream.error.stack";

    /** How many attempts ran, as a decimal number. */
    public static final String ATTEMPTS = "jobstream.attempts";

    /** When the first attempt of this generation failed, ISO-8601. */
    public static final String FIRST_FAILURE = "jobstream.first-failure";

    /** When the last attempt failed, ISO-8601. */
    public static final String LAST_FAILURE = "jobstream.last-failure";

    /** Where a record that is not a valid job was read from: {@code topic-partition@offset}. */
    public static final String ORIGIN = "jobstream.origin";

    private DeadLetterHeaders() {
    }
}
