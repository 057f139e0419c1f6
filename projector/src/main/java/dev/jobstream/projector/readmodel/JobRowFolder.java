package dev.jobstream.projector.readmodel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Folds a batch of changes into the current rows of their jobs, with no database involved.
 *
 * <p>Each job's changes are applied in the order they were read, which is offset order within a partition.
 * Because every change only moves a job forward, the result does not depend on the order in which a job's
 * record and its events arrive, nor on how often any of them is delivered.
 */
final class JobRowFolder {

    private JobRowFolder() {
    }

    /** The changes of a batch by job, each job's changes in the order given. */
    static Map<UUID, List<JobChange>> byJob(List<JobChange> changes) {
        Map<UUID, List<JobChange>> byJob = new LinkedHashMap<>();
        for (JobChange change : changes) {
            byJob.computeIfAbsent(change.jobId(), id -> new ArrayList<>()).add(change);
        }
        return byJob;
    }

    /** The row after all of a job's changes. */
    static JobRow fold(JobRow row, List<JobChange> changes) {
        JobRow folded = row;
        for (JobChange change : changes) {
            folded = change.applyTo(folded);
        }
        return folded;
    }

    /**
     * The rows of the jobs that have none yet, each as its changes leave a skeleton, stamped with {@code now}.
     *
     * @param existing the jobs that have a row
     */
    static List<JobRow> createdRows(Set<UUID> existing, Map<UUID, List<JobChange>> changesByJob, Instant now) {
        List<JobRow> created = new ArrayList<>();
        changesByJob.forEach((id, changes) -> {
            if (!existing.contains(id)) {
                created.add(fold(JobRow.skeleton(id, now), changes).changedAt(now));
            }
        });
        return created;
    }

    /**
     * The rows the changes alter, stamped with {@code now}; rows they leave as they were are not returned.
     *
     * @param current the jobs' rows before the batch; a job without one is left out
     */
    static List<JobRow> changedRows(Map<UUID, JobRow> current, Map<UUID, List<JobChange>> changesByJob,
            Instant now) {
        List<JobRow> changed = new ArrayList<>();
        changesByJob.forEach((id, changes) -> {
            JobRow before = current.get(id);
            if (before == null) {
                return;
            }
            JobRow after = fold(before, changes);
            if (!after.equals(before)) {
                changed.add(after.changedAt(now));
            }
        });
        return changed;
    }
}
