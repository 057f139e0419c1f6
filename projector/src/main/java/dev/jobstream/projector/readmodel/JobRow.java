package dev.jobstream.projector.readmodel;

import dev.jobstream.contract.JobError;
import dev.jobstream.contract.JobPosition;
import dev.jobstream.contract.JobStatus;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One row of {@code readmodel.jobs}: a job as the gateway and the dashboard show it.
 *
 * <p>The details (owner, type, payload, retry budget, creation time, trace) come from the job record; a status
 * event that arrives first fills what it knows of them. Limitation: until the job record itself is projected,
 * a row has no payload and no creation time, so it sorts apart from its neighbours in a user's listing.
 *
 * @param id the job id
 * @param userId the owner; missing only for invalid direct records that named none
 * @param type the job type
 * @param payload the job's type and parameters
 * @param status the current status
 * @param generation the replay generation
 * @param attempt attempts started in the current generation; 0 while pending
 * @param maxRetries the retry budget
 * @param result what a finished job returned
 * @param lastError why the latest failed attempt failed
 * @param workerId the worker of the latest attempt
 * @param traceId the trace the job belongs to
 * @param createdAt when the job was accepted
 * @param startedAt when the latest attempt started
 * @param finishedAt when the job settled
 * @param nextAttemptAt when a retrying job runs next
 * @param updatedAt when the row last changed
 */
public record JobRow(
        UUID id,
        @Nullable String userId,
        @Nullable String type,
        @Nullable JsonNode payload,
        JobStatus status,
        int generation,
        int attempt,
        @Nullable Integer maxRetries,
        @Nullable JsonNode result,
        @Nullable JobError lastError,
        @Nullable String workerId,
        @Nullable String traceId,
        @Nullable Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable Instant nextAttemptAt,
        Instant updatedAt) {

    /** The row a job gets before anything is known of it: pending, at generation 0, attempt 0. */
    public static JobRow skeleton(UUID id, Instant now) {
        return new JobRow(id, null, null, null, JobStatus.PENDING, 0, 0, null, null, null, null, null, null, null,
                null, null, now);
    }

    /** Where the job is; a change moves the row only if it advances from here. */
    public JobPosition position() {
        return new JobPosition(status, generation, attempt);
    }

    /** This row, stamped as changed at {@code now}. */
    JobRow changedAt(Instant now) {
        return new JobRow(id, userId, type, payload, status, generation, attempt, maxRetries, result, lastError,
                workerId, traceId, createdAt, startedAt, finishedAt, nextAttemptAt, now);
    }
}
