package dev.jobstream.gateway.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One page of a user's jobs, newest first.
 *
 * @param items the jobs on this page
 * @param nextCursor where the next page starts, absent on the last page
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
record JobPage(List<JobView> items, @Nullable String nextCursor) {
}
