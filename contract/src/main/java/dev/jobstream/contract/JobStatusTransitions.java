package dev.jobstream.contract;

import static dev.jobstream.contract.JobStatus.CANCELLED;
import static dev.jobstream.contract.JobStatus.DEAD;
import static dev.jobstream.contract.JobStatus.DISCARDED;
import static dev.jobstream.contract.JobStatus.DONE;
import static dev.jobstream.contract.JobStatus.FAILED;
import static dev.jobstream.contract.JobStatus.PENDING;
import static dev.jobstream.contract.JobStatus.RETRYING;
import static dev.jobstream.contract.JobStatus.RUNNING;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one table of allowed status transitions, used by every service that moves or records a job.
 *
 * <p>A job only ever moves forward: a duplicate event, or one that arrives after a later one, is refused.
 * Within one generation a repeated {@code running} or {@code retrying} is a move only when it belongs to a
 * later attempt; a later generation (a replay) always moves the job, an earlier one never does.
 */
public final class JobStatusTransitions {

    private static final Map<JobStatus, Set<JobStatus>> ALLOWED = new EnumMap<>(JobStatus.class);

    static {
        ALLOWED.put(PENDING, EnumSet.of(RUNNING, RETRYING, DONE, FAILED, DEAD, CANCELLED));
        ALLOWED.put(RUNNING, EnumSet.of(RUNNING, RETRYING, DONE, FAILED, DEAD, CANCELLED));
        ALLOWED.put(RETRYING, EnumSet.of(RUNNING, RETRYING, DONE, FAILED, DEAD, CANCELLED));
        ALLOWED.put(DEAD, EnumSet.of(DISCARDED));
        ALLOWED.put(DONE, EnumSet.noneOf(JobStatus.class));
        ALLOWED.put(FAILED, EnumSet.noneOf(JobStatus.class));
        ALLOWED.put(CANCELLED, EnumSet.noneOf(JobStatus.class));
        ALLOWED.put(DISCARDED, EnumSet.noneOf(JobStatus.class));
    }

    private JobStatusTransitions() {
    }

    /** Whether the table allows a job in {@code from} to move to {@code to} within one generation. */
    public static boolean allows(JobStatus from, JobStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    /** Whether a job at {@code current} moves when an event at {@code next} arrives. */
    public static boolean advances(JobPosition current, JobPosition next) {
        if (next.generation() != current.generation()) {
            return next.generation() > current.generation();
        }
        if (next.attempt() < current.attempt() || !allows(current.status(), next.status())) {
            return false;
        }
        return next.status() != current.status() || next.attempt() > current.attempt();
    }
}
