package dev.jobstream.processor.execution;

/**
 * An attempt interrupted because it ran longer than its job's timeout. Counts as a failed attempt, and is retried
 * while the job has retries left.
 */
public class JobTimeoutException extends Exception {

    public JobTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
