package dev.jobstream.processor.consumption;

import dev.jobstream.processor.execution.JobRun;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.common.TopicPartition;

/**
 * What the consumer knows about one partition it owns: unfinished records, the runs started from them, and the
 * offset last committed. A new state is made for every assignment, so completions of runs from an earlier
 * assignment of the same partition are recognised by identity and do not touch it.
 */
final class PartitionState {

    private final TopicPartition partition;
    private final OffsetTracker offsets = new OffsetTracker();
    private final Map<Long, JobRun> runs = new HashMap<>();
    private long committed = -1;

    PartitionState(TopicPartition partition) {
        this.partition = partition;
    }

    TopicPartition partition() {
        return partition;
    }

    void track(long offset) {
        offsets.track(offset);
    }

    void running(long offset, JobRun run) {
        runs.put(offset, run);
    }

    void finish(long offset) {
        offsets.finish(offset);
        runs.remove(offset);
    }

    int unfinished() {
        return offsets.unfinished();
    }

    boolean isIdle() {
        return offsets.unfinished() == 0;
    }

    /** Whether runs are still going, or ended with their outcome not yet acknowledged. */
    boolean hasRuns() {
        return !runs.isEmpty();
    }

    /**
     * Abandons the runs that have not ended. Their records stay unfinished, so their offsets are not committed;
     * runs that ended stay until their outcome is acknowledged.
     *
     * @return the abandoned runs
     */
    List<JobRun> abandonRuns() {
        List<JobRun> abandoned = new ArrayList<>();
        runs.values().removeIf(run -> run.abandon() && abandoned.add(run));
        return abandoned;
    }

    /** The offset to commit, when it moved since the last commit. */
    OptionalLong offsetToCommit() {
        OptionalLong next = offsets.committable();
        return next.isPresent() && next.getAsLong() > committed ? next : OptionalLong.empty();
    }

    void committed(long offset) {
        committed = offset;
    }

    void commitFailed() {
        committed = -1;
    }
}
