package dev.jobstream.gateway.stats;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code GET /api/metrics}. {@code countsByStatus} is the current state of every job in scope; the
 * other totals cover the {@code window}, the last 24 clock hours, and are the sums of its {@code hourly} entries.
 * Values that cannot be computed without a finished job are null rather than 0, so that "no data" never reads as
 * "all well".
 *
 * @param userId the user whose jobs are counted; null when the administrator asked for every user's
 * @param window the hours the totals and {@code hourly} cover
 * @param countsByStatus jobs by current status, every status named, 0 when none
 * @param successes jobs that finished successfully in the window
 * @param failures jobs that failed for good or were moved to the dead-letter queue in the window
 * @param failureRate {@code failures / (successes + failures)}, between 0 and 1; null when both are 0
 * @param avgDurationMs the mean duration of the successful jobs whose start is known, rounded; null when none
 * @param p95DurationMs the 95th percentile of those durations, estimated from histogram buckets; null when none
 * @param hourly one entry per hour of the window, oldest first, hours without jobs included
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record JobMetrics(
        @Nullable String userId,
        MetricsWindow window,
        Map<String, Long> countsByStatus,
        long successes,
        long failures,
        @Nullable Double failureRate,
        @Nullable Long avgDurationMs,
        @Nullable Long p95DurationMs,
        List<HourlyTotals> hourly) {

    private static final double P95 = 0.95;

    /** The body for a scope, from its counts, its hours in the window and the durations of its successful jobs. */
    static JobMetrics of(@Nullable String userId, MetricsWindow window, Map<String, Long> countsByStatus,
            List<HourlyTotals> hourly, DurationTotals durations) {
        long successes = hourly.stream().mapToLong(HourlyTotals::done).sum();
        long failures = hourly.stream().mapToLong(hour -> hour.failed() + hour.dead()).sum();
        return new JobMetrics(userId, window, countsByStatus, successes, failures, rate(failures, successes),
                durations.averageMs(), durations.histogram().percentileMs(P95), hourly);
    }

    private static @Nullable Double rate(long failures, long successes) {
        long finished = successes + failures;
        return finished == 0 ? null : (double) failures / finished;
    }

    /**
     * The durations of the successful jobs of a window.
     *
     * @param count the successful jobs whose start is known
     * @param sumMs the sum of their durations
     * @param histogram their durations by bucket
     */
    record DurationTotals(long count, long sumMs, DurationHistogram histogram) {

        @Nullable Long averageMs() {
            return count == 0 ? null : Math.round((double) sumMs / count);
        }
    }
}
