package dev.jobstream.processor.claim;

import java.util.HashSet;
import java.util.Set;

/**
 * The answer to one claim of a batch of attempts: which this worker now owns, and which belong to a cancelled
 * job and must never run.
 */
public final class Claims {

    private final Set<JobRunKey> claimed;
    private final Set<JobRunKey> cancelled;

    Claims(Set<JobRunKey> claimed, Set<JobRunKey> cancelled) {
        this.claimed = new HashSet<>(claimed);
        this.cancelled = Set.copyOf(cancelled);
    }

    static Claims none() {
        return new Claims(Set.of(), Set.of());
    }

    /** Whether the attempt's job was cancelled in its generation. */
    public boolean isCancelled(JobRunKey key) {
        return cancelled.contains(key);
    }

    /**
     * Takes the claim of an attempt for running it.
     *
     * @return whether it is this worker's to run; {@code false} when it ran already, runs elsewhere, or was taken
     *     already from this answer by another copy of the same record
     */
    public boolean take(JobRunKey key) {
        return claimed.remove(key);
    }
}
