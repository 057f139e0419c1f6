package dev.jobstream.processor.consumption;

import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * The records of one partition that were read but are not finished yet, and so the offset that is safe to
 * commit: that of the oldest unfinished record, or the one after the newest record when all are finished.
 * Records finish in any order, since the jobs of one partition run side by side.
 */
final class OffsetTracker {

    private final TreeSet<Long> unfinished = new TreeSet<>();
    private long next = -1;

    /** A record was read; it is unfinished until {@link #finish} is called with its offset. */
    void track(long offset) {
        unfinished.add(offset);
        next = Math.max(next, offset + 1);
    }

    /** A record is finished; finishing an untracked or already finished offset changes nothing. */
    void finish(long offset) {
        unfinished.remove(offset);
    }

    /** How many records are read but not finished. */
    int unfinished() {
        return unfinished.size();
    }

    /** The offset to commit: every record before it is finished. Empty until a record was read. */
    OptionalLong committable() {
        if (next < 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(unfinished.isEmpty() ? next : unfinished.first());
    }
}
