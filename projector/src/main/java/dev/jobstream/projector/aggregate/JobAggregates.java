package dev.jobstream.projector.aggregate;

import dev.jobstream.contract.JobStatus;
import dev.jobstream.projector.readmodel.DurationBuckets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads {@code readmodel.job_counts} and {@code readmodel.job_minutes}. The projector adds to both in the
 * transaction of each batch it writes; so reading them costs the same whatever the number of jobs.
 */
@Repository
public class JobAggregates {

    private static final String COUNTS =
            "select status, sum(count) as jobs from readmodel.job_counts %s group by status";

    private static final String MINUTES = """
            with scoped as (
              select * from readmodel.job_minutes where minute >= ? %s
            ), histograms as (
              select minute, array_agg(bucket_total order by bucket) as histogram
              from (select minute, bucket, sum(bucket_count) as bucket_total
                    from scoped, unnest(duration_histogram) with ordinality as buckets (bucket_count, bucket)
                    group by minute, bucket) as per_bucket
              group by minute
            )
            select minute, sum(done) as done, sum(failed) as failed, sum(retried) as retried, sum(dead) as dead,
                   sum(cancelled) as cancelled, sum(duration_sum_ms) as duration_sum_ms, histograms.histogram
            from scoped join histograms using (minute)
            group by minute, histograms.histogram
            order by minute""";

    private final JdbcTemplate jdbc;
    private final DurationBuckets buckets;

    JobAggregates(JdbcTemplate jdbc, DurationBuckets buckets) {
        this.jdbc = jdbc;
        this.buckets = buckets;
    }

    /** The jobs of the scope by status. */
    public StatusCounts counts(JobScope scope) {
        Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
        String sql = COUNTS.formatted(where(scope, "where "));
        jdbc.query(sql, rows -> {
            counts.put(JobStatus.fromWireName(rows.getString("status")), rows.getLong("jobs"));
        }, scope.arguments().toArray());
        return StatusCounts.of(counts);
    }

    /** The minutes from {@code from} on in which jobs of the scope finished, oldest first. */
    public List<MinuteTotals> minutesSince(Instant from, JobScope scope) {
        List<Object> arguments = new ArrayList<>();
        arguments.add(from.atOffset(ZoneOffset.UTC));
        arguments.addAll(scope.arguments());
        long[] bounds = buckets.lowerBoundsMs();
        return jdbc.query(MINUTES.formatted(where(scope, "and ")), (rows, number) -> minute(rows, bounds),
                arguments.toArray());
    }

    private static String where(JobScope scope, String prefix) {
        List<String> conditions = scope.conditions();
        return conditions.isEmpty() ? "" : prefix + String.join(" and ", conditions);
    }

    private static MinuteTotals minute(ResultSet rows, long[] bounds) throws SQLException {
        return new MinuteTotals(rows.getObject("minute", OffsetDateTime.class).toInstant(), rows.getLong("done"),
                rows.getLong("failed"), rows.getLong("retried"), rows.getLong("dead"), rows.getLong("cancelled"),
                rows.getLong("duration_sum_ms"),
                new DurationHistogram(bounds, DurationBuckets.longs(rows.getArray("histogram"))));
    }
}
