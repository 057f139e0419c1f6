package dev.jobstream.projector.dashboard;

import dev.jobstream.projector.aggregate.DurationHistogram;
import dev.jobstream.projector.aggregate.JobAggregates;
import dev.jobstream.projector.aggregate.JobScope;
import dev.jobstream.projector.aggregate.MinuteTotals;
import dev.jobstream.projector.dashboard.ServerMessage.MinutePoint;
import dev.jobstream.projector.dashboard.ServerMessage.WindowSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The dashboard's charts, read from the aggregates: throughput and durations per minute over the window.
 */
@Component
class DashboardMetrics {

    private static final double P95 = 0.95;

    private final JobAggregates aggregates;
    private final Clock clock;
    private final Duration window;

    DashboardMetrics(JobAggregates aggregates, Clock clock, DashboardProperties properties) {
        this.aggregates = aggregates;
        this.clock = clock;
        this.window = properties.metricsWindow();
    }

    ServerMessage.Metrics of(JobScope scope) {
        Instant now = clock.instant();
        Instant currentMinute = now.truncatedTo(ChronoUnit.MINUTES);
        Instant first = currentMinute.minus(window).plus(Duration.ofMinutes(1));
        Map<Instant, MinuteTotals> byMinute = aggregates.minutesSince(first, scope).stream()
                .collect(Collectors.toMap(MinuteTotals::minute, Function.identity()));

        List<MinutePoint> points = new ArrayList<>();
        for (Instant minute = first; !minute.isAfter(currentMinute); minute = minute.plus(Duration.ofMinutes(1))) {
            long seconds = minute.equals(currentMinute) ? Math.max(1, Duration.between(minute, now).toSeconds()) : 60;
            points.add(point(minute, byMinute.get(minute), seconds));
        }
        return new ServerMessage.Metrics(now, points, summary(byMinute.values()));
    }

    private static MinutePoint point(Instant minute, @Nullable MinuteTotals totals, long seconds) {
        if (totals == null) {
            return new MinutePoint(minute, 0, 0, null, null);
        }
        return new MinutePoint(minute, (double) totals.done() / seconds, (double) failures(totals) / seconds,
                average(totals.durationSumMs(), totals.durations().count()), p95(totals.durations()));
    }

    private static WindowSummary summary(Iterable<MinuteTotals> minutes) {
        long done = 0;
        long failed = 0;
        long dead = 0;
        long durationSum = 0;
        DurationHistogram durations = null;
        for (MinuteTotals totals : minutes) {
            done += totals.done();
            failed += failures(totals);
            dead += totals.dead();
            durationSum += totals.durationSumMs();
            durations = durations == null ? totals.durations() : durations.plus(totals.durations());
        }
        if (durations == null) {
            return new WindowSummary(0, 0, 0, null, null);
        }
        return new WindowSummary(done, failed, dead, average(durationSum, durations.count()), p95(durations));
    }

    /** Attempts that failed, whether the job is retried, failed for good or dead. */
    private static long failures(MinuteTotals totals) {
        return totals.failed() + totals.retried() + totals.dead();
    }

    private static @Nullable Long average(long sumMs, long count) {
        return count == 0 ? null : Math.round((double) sumMs / count);
    }

    private static @Nullable Long p95(DurationHistogram durations) {
        OptionalLong p95 = durations.percentileMs(P95);
        return p95.isPresent() ? p95.getAsLong() : null;
    }
}
