package dev.jobstream.projector.aggregate;

import dev.jobstream.contract.JobStatus;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many jobs are in each status.
 *
 * @param byStatus the count of every status, keyed by its wire name, in the order of {@link JobStatus}
 */
public record StatusCounts(Map<String, Long> byStatus) {

    public StatusCounts {
        byStatus = Collections.unmodifiableMap(new LinkedHashMap<>(byStatus));
    }

    /** The counts, with 0 for each status not given. */
    static StatusCounts of(Map<JobStatus, Long> counts) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (JobStatus status : JobStatus.values()) {
            byStatus.put(status.wireName(), counts.getOrDefault(status, 0L));
        }
        return new StatusCounts(byStatus);
    }
}
