package dev.jobstream.gateway.stats;

import dev.jobstream.contract.JobStatus;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the aggregates the projector keeps, {@code readmodel.job_counts} (jobs by owner, type and status) and
 * {@code readmodel.job_minutes} (what happened in each minute, by owner and type), never {@code readmodel.jobs}.
 * The reads of one body share a snapshot, so its numbers agree with each other.
 *
 * <p>Limitation: for every user at once, the window's rows of all users are summed, and without an index on the
 * minute alone PostgreSQL reads the whole of {@code readmodel.job_minutes} to find them.
 */
@Repository
class ReadModelAggregates {

    private static final String COUNTS = "select status, sum(count) as jobs from readmodel.job_counts where true";

    private static final String HOURS = """
            select floor(extract(epoch from minute - :from) / 3600)::int as hour_index,
                   sum(submitted) as submitted, sum(done) as done, sum(failed) as failed, sum(dead) as dead,
                   sum(duration_count) as duration_count, sum(duration_sum_ms) as duration_sum_ms
            from readmodel.job_minutes where minute >= :from and minute < :to""";

    private static final String HISTOGRAM = """
            select bucket, sum(bucket_count) as jobs
            from readmodel.job_minutes, unnest(duration_histogram) with ordinality as buckets (bucket_count, bucket)
            where minute >= :from and minute < :to""";

    private static final String OF_USER = " and user_id = :user";

    private final JdbcClient jdbc;
    private volatile long @Nullable [] lowerBoundsMs;

    ReadModelAggregates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The metrics of a user's jobs, or of every user's when {@code userId} is null. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public JobMetrics metrics(@Nullable String userId, MetricsWindow window) {
        Map<String, Long> counts = countsByStatus(userId);
        List<HourRow> rows = hours(userId, window);
        DurationHistogram histogram = histogram(userId, window);

        long timed = rows.stream().mapToLong(HourRow::durationCount).sum();
        long sumMs = rows.stream().mapToLong(HourRow::durationSumMs).sum();
        return JobMetrics.of(userId, window, counts, hourly(rows, window),
                new JobMetrics.DurationTotals(timed, sumMs, histogram));
    }

    /** Every hour of the window, oldest first; those without a row are empty. */
    private static List<HourlyTotals> hourly(List<HourRow> rows, MetricsWindow window) {
        List<HourlyTotals> hourly = new ArrayList<>();
        for (int index = 0; index < MetricsWindow.HOURS; index++) {
            hourly.add(HourlyTotals.empty(window.hour(index)));
        }
        rows.forEach(row -> hourly.set(row.index(), row.totals()));
        return hourly;
    }

    private Map<String, Long> countsByStatus(@Nullable String userId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (JobStatus status : JobStatus.values()) {
            counts.put(status.wireName(), 0L);
        }
        jdbc.sql(COUNTS + ofUser(userId) + " group by status").params(parameters(userId, null)).query(rows -> {
            String status = rows.getString("status");
            long jobs = rows.getLong("jobs");
            counts.computeIfPresent(status, (known, zero) -> jobs);
        });
        return counts;
    }

    private List<HourRow> hours(@Nullable String userId, MetricsWindow window) {
        return jdbc.sql(HOURS + ofUser(userId) + " group by hour_index").params(parameters(userId, window))
                .query((rows, number) -> hourRow(rows, window)).list();
    }

    private DurationHistogram histogram(@Nullable String userId, MetricsWindow window) {
        long[] bounds = lowerBoundsMs();
        long[] counts = new long[bounds.length];
        jdbc.sql(HISTOGRAM + ofUser(userId) + " group by bucket").params(parameters(userId, window)).query(rows -> {
            int bucket = rows.getInt("bucket") - 1;
            if (bucket < counts.length) {
                counts[bucket] = rows.getLong("jobs");
            }
        });
        return new DurationHistogram(bounds, counts);
    }

    /** The lower bounds of the histogram's buckets, as the read model defines them; they never change. */
    private long[] lowerBoundsMs() {
        long[] bounds = lowerBoundsMs;
        if (bounds == null) {
            bounds = jdbc.sql("select readmodel.duration_bounds_ms() as bounds")
                    .query((rows, number) -> longs(rows.getArray("bounds"))).single();
            lowerBoundsMs = bounds;
        }
        return bounds;
    }

    private static HourRow hourRow(ResultSet rows, MetricsWindow window) throws SQLException {
        int index = rows.getInt("hour_index");
        HourlyTotals totals = new HourlyTotals(window.hour(index), rows.getLong("submitted"), rows.getLong("done"),
                rows.getLong("failed"), rows.getLong("dead"));
        return new HourRow(index, totals, rows.getLong("duration_count"), rows.getLong("duration_sum_ms"));
    }

    private static String ofUser(@Nullable String userId) {
        return userId != null ? OF_USER : "";
    }

    private static Map<String, Object> parameters(@Nullable String userId, @Nullable MetricsWindow window) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (window != null) {
            parameters.put("from", OffsetDateTime.ofInstant(window.from(), ZoneOffset.UTC));
            parameters.put("to", OffsetDateTime.ofInstant(window.to(), ZoneOffset.UTC));
        }
        if (userId != null) {
            parameters.put("user", userId);
        }
        return parameters;
    }

    private static long[] longs(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        long[] longs = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            longs[i] = ((Number) values[i]).longValue();
        }
        return longs;
    }

    /** One hour of the window, as its minutes add up. */
    private record HourRow(int index, HourlyTotals totals, long durationCount, long durationSumMs) {
    }
}
