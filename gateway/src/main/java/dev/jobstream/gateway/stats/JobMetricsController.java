package dev.jobstream.gateway.stats;

import dev.jobstream.gateway.caller.Caller;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/metrics}: counts by status, outcomes, failure rate and durations of the caller's jobs over the
 * last 24 hours, hour by hour. The administrator sees every user's jobs together, or one user's with
 * {@code user_id}; a user naming anyone but itself in {@code user_id} is refused with 403.
 */
@RestController
class JobMetricsController {

    private final ReadModelAggregates aggregates;
    private final Clock clock;

    JobMetricsController(ReadModelAggregates aggregates, Clock clock) {
        this.aggregates = aggregates;
        this.clock = clock;
    }

    @GetMapping(path = "/api/metrics", produces = MediaType.APPLICATION_JSON_VALUE)
    JobMetrics metrics(Caller caller, @RequestParam(name = "user_id", required = false) @Nullable String userId) {
        if (asksForAnotherUser(caller, userId)) {
            throw new OtherUsersMetricsException();
        }
        return aggregates.metrics(caller.scope(userId), MetricsWindow.endingWithHourOf(clock.instant()));
    }

    private static boolean asksForAnotherUser(Caller caller, @Nullable String userId) {
        return userId != null && !caller.mayAccess(userId);
    }
}
