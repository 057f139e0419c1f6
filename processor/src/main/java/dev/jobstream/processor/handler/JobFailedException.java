package dev.jobstream.processor.handler;

/**
 * A job that ended unsuccessfully in an expected way, as opposed to a bug in its handler.
 */
public class JobFailedException extends Exception {

    public JobFailedException(String message) {
        super(message);
    }
}
