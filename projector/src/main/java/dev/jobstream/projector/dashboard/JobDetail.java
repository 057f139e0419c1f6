package dev.jobstream.projector.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.jobstream.contract.JobError;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Everything the dashboard shows of one job: its row, what it was asked to do and returned, and its attempts.
 *
 * @param job the job's row
 * @param payload its type and parameters
 * @param result what it returned
 * @param lastError why its latest failed attempt failed, with the stack excerpt: the dashboard is an operator's
 *     view
 * @param workerId the worker of the latest attempt
 * @param attempts every attempt of every generation, oldest first
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
record JobDetail(
        JobSummary job,
        @Nullable JsonNode payload,
        @Nullable JsonNode result,
        @Nullable JobError lastError,
        @Nullable String workerId,
        List<AttemptView> attempts) {
}
