package dev.jobstream.projector.readmodel;

import java.sql.Array;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The buckets of the duration histograms in {@code readmodel.job_minutes}, as the database function
 * {@code readmodel.duration_bounds_ms()} defines them: bucket {@code i} holds the durations from its lower bound up
 * to, not including, the next bucket's; the last has no upper bound.
 */
@Component
public class DurationBuckets {

    private final JdbcTemplate jdbc;
    private volatile long @Nullable [] lowerBoundsMs;

    DurationBuckets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The lower bound of each bucket, in milliseconds, ascending. */
    public long[] lowerBoundsMs() {
        return bounds().clone();
    }

    private long[] bounds() {
        long[] bounds = lowerBoundsMs;
        if (bounds == null) {
            bounds = jdbc.queryForObject("select readmodel.duration_bounds_ms()",
                    (rows, number) -> longs(rows.getArray(1)));
            lowerBoundsMs = bounds;
        }
        return bounds;
    }

    /** The values of a PostgreSQL array of numbers. */
    public static long[] longs(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        long[] longs = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            longs[i] = ((Number) values[i]).longValue();
        }
        return longs;
    }
}
