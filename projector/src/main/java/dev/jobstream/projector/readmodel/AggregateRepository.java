package dev.jobstream.projector.readmodel;

import dev.jobstream.projector.readmodel.AggregateDeltas.CountKey;
import dev.jobstream.projector.readmodel.AggregateDeltas.MinuteDelta;
import dev.jobstream.projector.readmodel.AggregateDeltas.MinuteKey;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Writes a batch's {@link AggregateDeltas} to {@code readmodel.job_counts} and {@code readmodel.job_minutes}, one
 * statement per table, and tells every listening projector instance which jobs changed.
 *
 * <p>Each statement adds to its counters in the same key order in every transaction, so concurrent batches wait
 * for each other's counters instead of deadlocking; the jobs' rows are locked before, in id order.
 */
@Repository
class AggregateRepository {

    /** Ids per notification: a notification carries at most 8000 bytes, and an id takes 37 with its comma. */
    static final int IDS_PER_NOTIFICATION = 200;

    private static final String ADD_COUNTS = """
            insert into readmodel.job_counts as counts (user_id, type, status, count)
            select * from unnest(?::text[], ?::text[], ?::text[], ?::bigint[])
            on conflict (user_id, type, status) do update set count = counts.count + excluded.count""";

    private static final String ADD_MINUTES = """
            insert into readmodel.job_minutes as minutes (minute, user_id, type, submitted, done, failed, retried,
                dead, cancelled, duration_count, duration_sum_ms, duration_histogram)
            select minute, user_id, type, submitted, done, failed, retried, dead, cancelled, duration_count,
                   duration_sum_ms, histogram::int[]
            from unnest(?::timestamptz[], ?::text[], ?::text[], ?::int[], ?::int[], ?::int[], ?::int[], ?::int[],
                        ?::int[], ?::int[], ?::bigint[], ?::text[])
                 as batch (minute, user_id, type, submitted, done, failed, retried, dead, cancelled, duration_count,
                           duration_sum_ms, histogram)
            on conflict (minute, user_id, type) do update set
                submitted = minutes.submitted + excluded.submitted,
                done = minutes.done + excluded.done,
                failed = minutes.failed + excluded.failed,
                retried = minutes.retried + excluded.retried,
                dead = minutes.dead + excluded.dead,
                cancelled = minutes.cancelled + excluded.cancelled,
                duration_count = minutes.duration_count + excluded.duration_count,
                duration_sum_ms = minutes.duration_sum_ms + excluded.duration_sum_ms,
                duration_histogram = case when excluded.duration_count = 0 then minutes.duration_histogram
                    else (select array_agg(old_count + new_count order by bucket)
                          from unnest(minutes.duration_histogram, excluded.duration_histogram)
                               with ordinality as buckets (old_count, new_count, bucket)) end""";

    private static final String NOTIFY =
            "select pg_notify('" + ReadModelProjector.CHANGES_CHANNEL + "', ids) from unnest(?::text[]) as batch (ids)";

    private final JdbcTemplate jdbc;

    AggregateRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the batch's deltas to the counters. */
    void add(AggregateDeltas deltas) {
        addCounts(deltas.counts());
        addMinutes(deltas.minutes());
    }

    /**
     * Notifies {@value ReadModelProjector#CHANGES_CHANNEL} of the changed jobs, their ids comma-separated.
     * PostgreSQL delivers the notifications once the transaction commits, and not at all if it rolls back.
     */
    void notifyChanged(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<String> payloads = new ArrayList<>();
        StringBuilder payload = new StringBuilder();
        int inPayload = 0;
        for (UUID id : ids) {
            if (inPayload == IDS_PER_NOTIFICATION) {
                payloads.add(payload.toString());
                payload.setLength(0);
                inPayload = 0;
            }
            payload.append(inPayload == 0 ? "" : ",").append(id);
            inPayload++;
        }
        payloads.add(payload.toString());
        jdbc.query(NOTIFY, statement -> statement.setArray(1, array(statement, "text", payloads)),
                rows -> null);
    }

    private void addCounts(Map<CountKey, Long> counts) {
        if (counts.isEmpty()) {
            return;
        }
        List<CountKey> keys = List.copyOf(counts.keySet());
        jdbc.update(ADD_COUNTS, statement -> {
            statement.setArray(1, column(statement, "text", keys, CountKey::userId));
            statement.setArray(2, column(statement, "text", keys, CountKey::type));
            statement.setArray(3, column(statement, "text", keys, CountKey::status));
            statement.setArray(4, column(statement, "int8", keys, counts::get));
        });
    }

    private void addMinutes(Map<MinuteKey, MinuteDelta> minutes) {
        if (minutes.isEmpty()) {
            return;
        }
        List<MinuteKey> keys = List.copyOf(minutes.keySet());
        List<MinuteDelta> deltas = keys.stream().map(minutes::get).toList();
        jdbc.update(ADD_MINUTES, statement -> {
            statement.setArray(1, column(statement, "text", keys, key -> key.minute().toString()));
            statement.setArray(2, column(statement, "text", keys, MinuteKey::userId));
            statement.setArray(3, column(statement, "text", keys, MinuteKey::type));
            statement.setArray(4, column(statement, "int4", deltas, delta -> delta.submitted));
            statement.setArray(5, column(statement, "int4", deltas, delta -> delta.done));
            statement.setArray(6, column(statement, "int4", deltas, delta -> delta.failed));
            statement.setArray(7, column(statement, "int4", deltas, delta -> delta.retried));
            statement.setArray(8, column(statement, "int4", deltas, delta -> delta.dead));
            statement.setArray(9, column(statement, "int4", deltas, delta -> delta.cancelled));
            statement.setArray(10, column(statement, "int4", deltas, delta -> delta.durationCount));
            statement.setArray(11, column(statement, "int8", deltas, delta -> delta.durationSumMs));
            statement.setArray(12, column(statement, "text", deltas, MinuteDelta::histogramText));
        });
    }

    private static <T> Array column(PreparedStatement statement, String type, List<T> rows,
            Function<T, ?> value) throws SQLException {
        Object[] values = rows.stream().map(value).toArray();
        return array(statement, type, values);
    }

    private static Array array(PreparedStatement statement, String type, List<String> values)
            throws SQLException {
        return array(statement, type, values.toArray());
    }

    private static Array array(PreparedStatement statement, String type, Object[] values) throws SQLException {
        return statement.getConnection().createArrayOf(type, values);
    }
}
