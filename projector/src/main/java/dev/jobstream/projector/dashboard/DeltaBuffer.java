package dev.jobstream.projector.dashboard;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The most recent changes, so that a page that lost its connection gets only what it missed. It is bounded both
 * in changes and in the jobs they carry, since under load one change carries thousands of jobs. Not thread-safe:
 * the {@link DashboardHub} uses it under its lock.
 */
final class DeltaBuffer {

    private final int maxDeltas;
    private final int maxJobs;
    private final Deque<Delta> deltas = new ArrayDeque<>();
    private int jobs;

    /**
     * @param maxDeltas how many changes are kept at most
     * @param maxJobs how many jobs the kept changes carry at most; the latest change is kept whatever its size
     */
    DeltaBuffer(int maxDeltas, int maxJobs) {
        this.maxDeltas = maxDeltas;
        this.maxJobs = maxJobs;
    }

    /** Keeps the change, forgetting the oldest ones as long as either bound is exceeded. */
    void add(Delta delta) {
        if (!deltas.isEmpty() && delta.seq() != deltas.peekLast().seq() + 1) {
            throw new IllegalArgumentException("delta " + delta.seq() + " does not follow " + deltas.peekLast().seq());
        }
        deltas.addLast(delta);
        jobs += delta.jobs().size();
        while (deltas.size() > 1 && (deltas.size() > maxDeltas || jobs > maxJobs)) {
            jobs -= deltas.removeFirst().jobs().size();
        }
    }

    void clear() {
        deltas.clear();
        jobs = 0;
    }

    /** How many jobs the kept changes carry. */
    int jobs() {
        return jobs;
    }

    /**
     * The changes after {@code seq}, oldest first; nothing when some of them are no longer kept, or when
     * {@code seq} is not one this buffer has reached.
     *
     * @param seq the last change the page has applied
     * @param latest the number of the latest change published
     */
    Optional<List<Delta>> after(long seq, long latest) {
        if (seq == latest) {
            return Optional.of(List.of());
        }
        if (!keepsAllAfter(seq, latest)) {
            return Optional.empty();
        }
        List<Delta> missed = new ArrayList<>();
        for (Delta delta : deltas) {
            if (delta.seq() > seq) {
                missed.add(delta);
            }
        }
        return Optional.of(missed);
    }

    /** Whether a page at {@code seq} could resume: it is up to date, or every change after it is kept. */
    boolean reaches(long seq, long latest) {
        return seq == latest || keepsAllAfter(seq, latest);
    }

    private boolean keepsAllAfter(long seq, long latest) {
        return seq < latest && !deltas.isEmpty() && deltas.peekFirst().seq() <= seq + 1
                && deltas.peekLast().seq() == latest;
    }
}
