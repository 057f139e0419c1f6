package dev.jobstream.projector.dashboard;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The most recent changes, so that a page that lost its connection gets only what it missed. Not thread-safe:
 * the {@link DashboardHub} uses it under its lock.
 */
final class DeltaBuffer {

    private final int capacity;
    private final Deque<Delta> deltas = new ArrayDeque<>();

    DeltaBuffer(int capacity) {
        this.capacity = capacity;
    }

    /** Keeps the change, forgetting the oldest one when full. */
    void add(Delta delta) {
        if (!deltas.isEmpty() && delta.seq() != deltas.peekLast().seq() + 1) {
            throw new IllegalArgumentException("delta " + delta.seq() + " does not follow " + deltas.peekLast().seq());
        }
        if (deltas.size() == capacity) {
            deltas.removeFirst();
        }
        deltas.addLast(delta);
    }

    void clear() {
        deltas.clear();
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

    private boolean keepsAllAfter(long seq, long latest) {
        return seq < latest && !deltas.isEmpty() && deltas.peekFirst().seq() <= seq + 1
                && deltas.peekLast().seq() == latest;
    }
}
