package dev.jobstream.processor.execution;

import dev.jobstream.processor.outcome.Outcome;

/**
 * Told when an attempt ended and its outcome is ready to publish. Called on the worker thread.
 */
@FunctionalInterface
public interface AttemptListener {

    /** The attempt ended; {@code outcome} holds its final status event and whatever carries the job on. */
    void ended(Outcome outcome);
}
