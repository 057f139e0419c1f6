package dev.jobstream.contract;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * A job to run, as it travels on the {@code jobs} topic.
 *
 * @param id the job id (see {@link JobIds})
 * @param userId the user that owns the job
 * @param payload the job's type and parameters, e.g. {@code {"type": "sleep", "duration": 1}}
 * @param maxRetries how many times a failed attempt is retried before the job is dead
 * @param createdAt when the job was accepted
 * @param generation how many times the job was replayed from the dead-letter queue
 * @param attempt which attempt this record asks for, starting at 1
 * @param notBefore the earliest time the attempt may start, for retries waiting out their backoff
 * @param traceId the trace the job belongs to
 * @param timeoutSeconds how long one attempt may run before it is interrupted and counted as failed; the
 *     processor's default when absent
 * @param firstFailureAt when the first attempt of this generation failed, carried along by retries
 */
public record JobRecord(
        UUID id,
        String userId,
        ObjectNode payload,
        int maxRetries,
        Instant createdAt,
        int generation,
        int attempt,
        @Nullable Instant notBefore,
        @Nullable String traceId,
        @Nullable Integer timeoutSeconds,
        @Nullable Instant firstFailureAt) {

    /** A first attempt of a freshly accepted job. */
    public static JobRecord accepted(UUID id, String userId, ObjectNode payload, int maxRetries, Instant createdAt,
            @Nullable String traceId) {
        return new JobRecord(id, userId, payload, maxRetries, createdAt, 0, 1, null, traceId, null, null);
    }

    /** The same job with the given per-attempt timeout. */
    public JobRecord withTimeoutSeconds(@Nullable Integer seconds) {
        return new JobRecord(id, userId, payload, maxRetries, createdAt, generation, attempt, notBefore, traceId,
                seconds, firstFailureAt);
    }

    /** The next attempt of this job, to start no earlier than {@code notBefore}. */
    public JobRecord nextAttempt(Instant notBefore, Instant failedAt) {
        return new JobRecord(id, userId, payload, maxRetries, createdAt, generation, attempt + 1, notBefore,
                traceId, timeoutSeconds, firstFailureAt != null ? firstFailureAt : failedAt);
    }

    /** This job replayed from the dead-letter queue: a new generation whose attempts start again at 1. */
    public JobRecord replayed() {
        return new JobRecord(id, userId, payload, maxRetries, createdAt, generation + 1, 1, null, traceId,
                timeoutSeconds, null);
    }

    /** The job type, taken from the payload. */
    public String type() {
        return payload.get(JobRules.TYPE).asString();
    }

    /** The position a job is at when this record is published. */
    public JobPosition position() {
        return new JobPosition(JobStatus.PENDING, generation, attempt);
    }
}
