package dev.jobstream.projector.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.jobstream.contract.JobStatus;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A job as a row of the dashboard's table: what the page shows and filters on, without the payload and the
 * result, which it fetches for one job at a time.
 *
 * @param id the job id
 * @param userId the owner
 * @param type the job type
 * @param status the current status
 * @param generation the replay generation, 0 until the job is first replayed
 * @param attempt attempts started in the current generation
 * @param maxRetries the retry budget
 * @param error the message of the latest error, shortened
 * @param traceId the trace the job belongs to
 * @param createdAt when the job was accepted
 * @param startedAt when its latest attempt started
 * @param finishedAt when it settled
 * @param nextAttemptAt when a retrying job runs next
 * @param updatedAt when the projector last changed the row
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
record JobSummary(
        UUID id,
        @Nullable String userId,
        @Nullable String type,
        JobStatus status,
        int generation,
        int attempt,
        @Nullable Integer maxRetries,
        @Nullable String error,
        @Nullable String traceId,
        @Nullable Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable Instant nextAttemptAt,
        Instant updatedAt) {

    /** The longest error message a summary carries; the job's detail has all of it. */
    static final int ERROR_LENGTH = 300;

    /** The message shortened to what a summary carries. */
    static @Nullable String shortError(@Nullable String message) {
        if (message == null || message.length() <= ERROR_LENGTH) {
            return message;
        }
        return message.substring(0, ERROR_LENGTH - 1) + "…";
    }
}
