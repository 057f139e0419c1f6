package dev.jobstream.gateway.stats;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The aggregates of one user's jobs, written as the projector's batches write them: jobs by current status in
 * {@code readmodel.job_counts}, and submissions and outcomes in the minutes of {@code readmodel.job_minutes}.
 */
final class SeededJobs {

    private static final String COUNT = """
            insert into readmodel.job_counts as counts (user_id, type, status, count) values (?, 'sleep', ?, ?)
            on conflict (user_id, type, status) do update set count = counts.count + excluded.count""";

    private static final String MINUTE = """
            insert into readmodel.job_minutes as minutes (minute, user_id, type, submitted, done, failed, retried,
                dead, cancelled, duration_count, duration_sum_ms, duration_histogram)
            values (date_trunc('minute', ?), ?, 'sleep', ?, ?, ?, 0, ?, 0, ?, ?, cast(? as int[]))
            on conflict (minute, user_id, type) do update set
                submitted = minutes.submitted + excluded.submitted,
                done = minutes.done + excluded.done,
                failed = minutes.failed + excluded.failed,
                dead = minutes.dead + excluded.dead,
                duration_count = minutes.duration_count + excluded.duration_count,
                duration_sum_ms = minutes.duration_sum_ms + excluded.duration_sum_ms,
                duration_histogram = (select array_agg(old_count + new_count order by bucket)
                                      from unnest(minutes.duration_histogram, excluded.duration_histogram)
                                           with ordinality as buckets (old_count, new_count, bucket))""";

    private final JdbcTemplate jdbc;
    private final String user;
    private final long[] lowerBoundsMs;

    SeededJobs(JdbcTemplate jdbc, String user) {
        this.jdbc = jdbc;
        this.user = user;
        this.lowerBoundsMs = jdbc.queryForObject("select readmodel.duration_bounds_ms()",
                (rows, number) -> longs(rows.getArray(1)));
    }

    /** Jobs that finished successfully at {@code finishedAt}, each having run for {@code took}. */
    SeededJobs done(int jobs, Duration took, Instant finishedAt) {
        long[] histogram = new long[lowerBoundsMs.length];
        histogram[bucketOf(took.toMillis())] = jobs;
        minute(finishedAt, 0, jobs, 0, 0, jobs, jobs * took.toMillis(), histogram);
        return inStatus("done", jobs);
    }

    /** Jobs that failed for good at {@code failedAt}. */
    SeededJobs failed(int jobs, Instant failedAt) {
        minute(failedAt, 0, 0, jobs, 0, 0, 0, new long[lowerBoundsMs.length]);
        return inStatus("failed", jobs);
    }

    /** Jobs moved to the dead-letter queue at {@code diedAt}. */
    SeededJobs dead(int jobs, Instant diedAt) {
        minute(diedAt, 0, 0, 0, jobs, 0, 0, new long[lowerBoundsMs.length]);
        return inStatus("dead", jobs);
    }

    /** Jobs that are in a status now. */
    SeededJobs inStatus(String status, int jobs) {
        jdbc.update(COUNT, user, status, jobs);
        return this;
    }

    /** Jobs created at {@code createdAt}. */
    SeededJobs submitted(int jobs, Instant createdAt) {
        minute(createdAt, jobs, 0, 0, 0, 0, 0, new long[lowerBoundsMs.length]);
        return this;
    }

    private void minute(Instant at, int submitted, int done, int failed, int dead, int timed, long sumMs,
            long[] histogram) {
        String array = Arrays.stream(histogram).mapToObj(Long::toString).collect(Collectors.joining(",", "{", "}"));
        jdbc.update(MINUTE, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), user, submitted, done, failed, dead, timed,
                sumMs, array);
    }

    private int bucketOf(long durationMs) {
        int bucket = 0;
        while (bucket + 1 < lowerBoundsMs.length && lowerBoundsMs[bucket + 1] <= durationMs) {
            bucket++;
        }
        return bucket;
    }

    private static long[] longs(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).mapToLong(value -> ((Number) value).longValue()).toArray();
    }
}
