package dev.jobstream.processor.execution;

import dev.jobstream.contract.JobStatusEvent;

/**
 * Told when an attempt ended and its final status event is ready to publish. Called on the worker thread.
 */
@FunctionalInterface
public interface AttemptListener {

    /** The attempt ended; {@code outcome} is its done, failed or other final event. */
    void ended(JobStatusEvent outcome);
}
