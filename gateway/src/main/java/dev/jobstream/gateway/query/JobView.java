package dev.jobstream.gateway.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.jobstream.contract.JobRecord;
import dev.jobstream.contract.JobStatus;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A job as the API shows it: snake_case names, ISO-8601 times, absent values left out.
 *
 * @param id the job id
 * @param userId the owner
 * @param status the status's wire name
 * @param type the job type
 * @param payload the type and parameters
 * @param attempts attempts started in the current generation, 0 while pending
 * @param maxRetries the retry budget
 * @param result what a finished job returned
 * @param lastError why the latest attempt failed
 * @param createdAt when the job was accepted
 * @param startedAt when the latest attempt started
 * @param finishedAt when the job finished
 * @param durationMs how long the latest attempt ran, when it has finished
 * @param nextAttemptAt when a retrying job runs next
 * @param traceId the trace the job belongs to
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobView(
        UUID id,
        @Nullable String userId,
        String status,
        @Nullable String type,
        @Nullable JsonNode payload,
        int attempts,
        @Nullable Integer maxRetries,
        @Nullable JsonNode result,
        @Nullable ErrorView lastError,
        @Nullable Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable Long durationMs,
        @Nullable Instant nextAttemptAt,
        @Nullable String traceId) {

    /** A job just accepted, before any worker has seen it. */
    public static JobView accepted(JobRecord job) {
        return new JobView(job.id(), job.userId(), JobStatus.PENDING.wireName(), job.type(), job.payload(), 0,
                job.maxRetries(), null, null, job.createdAt(), null, null, null, null, job.traceId());
    }

    /** Whether the job belongs to the given user. */
    public boolean isOwnedBy(String user) {
        return user.equals(userId);
    }

    /**
     * Why an attempt failed, without the stack trace, which stays internal.
     *
     * @param type the exception class or reason code
     * @param message the message
     */
    public record ErrorView(@Nullable String type, @Nullable String message) {
    }
}
