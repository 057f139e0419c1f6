package dev.jobstream.gateway.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.jobstream.contract.JobRecord;
import dev.jobstream.contract.JobStatus;
import java.time.Instant;
import java.util.List;
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
 * @param generation how many times the job was replayed from the dead-letter queue
 * @param attempts attempts started in the current generation, 0 while pending
 * @param maxRetries the retry budget
 * @param timeoutSeconds how long one attempt may run, when the job named a limit
 * @param result what a finished job returned
 * @param lastError why the latest attempt failed
 * @param createdAt when the job was accepted
 * @param startedAt when the latest attempt started
 * @param finishedAt when the job finished
 * @param durationMs how long the latest attempt ran, when it has finished
 * @param nextAttemptAt when a retrying job runs next
 * @param traceId the trace the job belongs to
 * @param errors why each failed attempt failed, oldest first; shown only for a single job, left out when none
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobView(
        UUID id,
        @Nullable String userId,
        String status,
        @Nullable String type,
        @Nullable JsonNode payload,
        int generation,
        int attempts,
        @Nullable Integer maxRetries,
        @Nullable Integer timeoutSeconds,
        @Nullable JsonNode result,
        @Nullable ErrorView lastError,
        @Nullable Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable Long durationMs,
        @Nullable Instant nextAttemptAt,
        @Nullable String traceId,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) @Nullable List<AttemptError> errors) {

    /** A job just published, before any worker has seen it: a new job, or a replay in its new generation. */
    public static JobView accepted(JobRecord job) {
        return new JobView(job.id(), job.userId(), JobStatus.PENDING.wireName(), job.type(), job.payload(),
                job.generation(), 0, job.maxRetries(), job.timeoutSeconds(), null, null, job.createdAt(), null,
                null, null, null, job.traceId(), null);
    }

    /** Whether the job is in the given status. */
    public boolean is(JobStatus expected) {
        return expected.wireName().equals(status);
    }

    /** This job with the errors of its failed attempts. */
    JobView withErrors(List<AttemptError> attemptErrors) {
        return new JobView(id, userId, status, type, payload, generation, attempts, maxRetries, timeoutSeconds,
                result, lastError, createdAt, startedAt, finishedAt, durationMs, nextAttemptAt, traceId,
                List.copyOf(attemptErrors));
    }

    /**
     * Why an attempt failed, without the stack trace, which stays internal.
     *
     * @param type the exception class or reason code
     * @param message the message
     */
    public record ErrorView(@Nullable String type, @Nullable String message) {
    }

    /**
     * One failed attempt from the job's history.
     *
     * @param generation the generation the attempt belongs to
     * @param attempt the attempt within its generation
     * @param status the status the failure moved the job to: retrying, failed, dead, cancelled
     * @param occurredAt when the attempt failed
     * @param error why it failed
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AttemptError(int generation, int attempt, String status, Instant occurredAt, ErrorView error) {
    }
}
