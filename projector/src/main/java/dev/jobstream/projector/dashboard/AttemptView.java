package dev.jobstream.projector.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.jobstream.contract.JobError;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One attempt of a job, from its history.
 *
 * @param generation the replay generation it belongs to
 * @param attempt its number within the generation; 0 for a job settled before any attempt (cancelled while
 *     pending, say)
 * @param status how it ended, or {@code running}
 * @param workerId the worker that ran it
 * @param startedAt when it started
 * @param finishedAt when it ended
 * @param durationMs how long it ran, once it has ended
 * @param error why it failed
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
record AttemptView(
        int generation,
        int attempt,
        String status,
        @Nullable String workerId,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable Long durationMs,
        @Nullable JobError error) {

    /** An attempt, its duration taken from its start and end. */
    static AttemptView of(int generation, int attempt, String status, @Nullable String workerId,
            @Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable JobError error) {
        Long durationMs = startedAt != null && finishedAt != null
                ? Duration.between(startedAt, finishedAt).toMillis() : null;
        return new AttemptView(generation, attempt, status, workerId, startedAt, finishedAt, durationMs, error);
    }
}
