package dev.jobstream.contract;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One change of one job, published on the {@code job-status} topic keyed by job id.
 *
 * <p>Every event names the job's owner and type, so a reader that sees an event before the job record can
 * still place it. Fields that do not apply to a status are left out of the JSON.
 *
 * @param jobId the job
 * @param userId the owner, when known (a record that is not a valid job may not name one)
 * @param type the job type, when known
 * @param status the status the job moved to
 * @param generation the replay generation
 * @param attempt the attempt within the generation
 * @param maxRetries the job's retry budget
 * @param occurredAt when the change happened
 * @param workerId the worker that ran the attempt
 * @param startedAt when the attempt started, on events that end an attempt
 * @param result what a finished job returned
 * @param error why the attempt failed
 * @param nextAttemptAt when a retrying job runs next
 * @param traceId the trace the job belongs to
 */
public record JobStatusEvent(
        UUID jobId,
        @Nullable String userId,
        @Nullable String type,
        JobStatus status,
        int generation,
        int attempt,
        int maxRetries,
        Instant occurredAt,
        @Nullable String workerId,
        @Nullable Instant startedAt,
        @Nullable JsonNode result,
        @Nullable JobError error,
        @Nullable Instant nextAttemptAt,
        @Nullable String traceId) {

    /** A worker started an attempt. */
    public static JobStatusEvent running(JobRecord job, String workerId, Instant now) {
        return of(job, JobStatus.RUNNING, now, workerId, now, null, null);
    }

    /** An attempt finished successfully. */
    public static JobStatusEvent done(JobRecord job, String workerId, Instant startedAt, @Nullable JsonNode result,
            Instant now) {
        return of(job, JobStatus.DONE, now, workerId, startedAt, result, null);
    }

    /** An attempt ended in a status other than done: failed, dead, cancelled. */
    public static JobStatusEvent ended(JobRecord job, JobStatus status, String workerId, Instant startedAt,
            JobError error, Instant now) {
        return of(job, status, now, workerId, startedAt, null, error);
    }

    /** A record on the jobs topic that is not a valid job. */
    public static JobStatusEvent rejected(InvalidJobRecordException invalid, JobStatus status, String workerId,
            Instant now) {
        JobError error = new JobError(InvalidJobRecordException.REASON, invalid.getMessage(), null);
        return new JobStatusEvent(invalid.jobId(), invalid.userId(), invalid.type(), status, 0, 1, 0, now,
                workerId, null, null, error, null, null);
    }

    private static JobStatusEvent of(JobRecord job, JobStatus status, Instant now, String workerId,
            @Nullable Instant startedAt, @Nullable JsonNode result, @Nullable JobError error) {
        return new JobStatusEvent(job.id(), job.userId(), job.type(), status, job.generation(), job.attempt(),
                job.maxRetries(), now, workerId, startedAt, result, error, null, job.traceId());
    }

    /** The position this event moves its job to. */
    public JobPosition position() {
        return new JobPosition(status, generation, attempt);
    }
}
