package dev.jobstream.processor.execution;

/**
 * An attempt stopped because someone asked for its job to be cancelled. Never retried.
 */
public class JobCancelledException extends Exception {

    public JobCancelledException(String message, Throwable cause) {
        super(message, cause);
    }
}
