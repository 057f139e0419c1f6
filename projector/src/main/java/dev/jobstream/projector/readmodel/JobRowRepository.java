package dev.jobstream.projector.readmodel;

import static dev.jobstream.projector.readmodel.SqlValues.instant;
import static dev.jobstream.projector.readmodel.SqlValues.instantText;
import static dev.jobstream.projector.readmodel.SqlValues.json;
import static dev.jobstream.projector.readmodel.SqlValues.nullableJson;
import static dev.jobstream.projector.readmodel.SqlValues.nullableText;
import static dev.jobstream.projector.readmodel.SqlValues.setInteger;

import dev.jobstream.contract.JobError;
import dev.jobstream.contract.JobRecord;
import dev.jobstream.contract.JobStatus;
import dev.jobstream.contract.JobStatusEvent;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;

/**
 * Reads and writes {@code readmodel.jobs} and {@code readmodel.job_events}, a whole batch per statement.
 *
 * <p>A batch locks the rows it finds in job id order and inserts the missing ones in job id order, so two
 * batches that share jobs, which happens only while partitions move between projectors, mostly wait for each
 * other; when they do deadlock, PostgreSQL aborts one of them and its batch is delivered again.
 */
@Repository
class JobRowRepository {

    private static final String COLUMNS = """
            user_id, type, payload, status, generation, attempt, max_retries, result, last_error, worker_id, trace_id,
            created_at, started_at, finished_at, next_attempt_at, updated_at""";

    private static final String ROWS = """
            unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::int[], ?::int[], ?::text[],
                   ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                as batch (id, user_id, type, payload, status, generation, attempt, max_retries, result, last_error,
                          worker_id, trace_id, created_at, started_at, finished_at, next_attempt_at, updated_at)""";

    private static final String INSERT = """
            insert into readmodel.jobs (id, %s)
            select batch.id, batch.user_id, batch.type, batch.payload::jsonb, batch.status, batch.generation,
                   batch.attempt, batch.max_retries, batch.result::jsonb, batch.last_error::jsonb, batch.worker_id,
                   batch.trace_id, batch.created_at::timestamptz, batch.started_at::timestamptz,
                   batch.finished_at::timestamptz, batch.next_attempt_at::timestamptz, batch.updated_at::timestamptz
            from %s
            order by batch.id
            on conflict (id) do nothing
            returning id""".formatted(COLUMNS, ROWS);

    private static final String LOCK = """
            select id, user_id, type, payload, status, generation, attempt, max_retries, result, last_error,
                   worker_id, trace_id, created_at, started_at, finished_at, next_attempt_at, updated_at
            from readmodel.jobs where id = any(?) order by id for update""";

    private static final String INSERT_EVENTS = """
            insert into readmodel.job_events
                (job_id, generation, attempt, status, occurred_at, worker_id, started_at, error, result)
            select job_id, generation, attempt, status, occurred_at::timestamptz, worker_id, started_at::timestamptz,
                   error::jsonb, result::jsonb
            from unnest(?::uuid[], ?::int[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[])
                as event (job_id, generation, attempt, status, occurred_at, worker_id, started_at, error, result)
            on conflict do nothing""";

    private static final String UPDATE = """
            update readmodel.jobs as job
            set user_id = batch.user_id, type = batch.type, payload = coalesce(batch.payload::jsonb, job.payload),
                status = batch.status, generation = batch.generation, attempt = batch.attempt,
                max_retries = batch.max_retries, result = batch.result::jsonb, last_error = batch.last_error::jsonb,
                worker_id = batch.worker_id, trace_id = batch.trace_id, created_at = batch.created_at::timestamptz,
                started_at = batch.started_at::timestamptz, finished_at = batch.finished_at::timestamptz,
                next_attempt_at = batch.next_attempt_at::timestamptz, updated_at = batch.updated_at::timestamptz
            from %s
            where job.id = batch.id""".formatted(ROWS);

    private static final String SET_TIMEOUT = """
            update readmodel.jobs set timeout_seconds = ? where id = ? and timeout_seconds is distinct from ?""";

    private final JdbcTemplate jdbc;

    JobRowRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the rows of jobs that have none yet, in one statement, and returns the ids of the rows it inserted;
     * a row another transaction inserted meanwhile is left as it is and its id not returned.
     */
    Set<UUID> insert(List<JobRow> rows) {
        if (rows.isEmpty()) {
            return Set.of();
        }
        List<UUID> inserted = jdbc.query(INSERT, statement -> bindRows(statement, rows, JobRow::payload),
                (result, rowNumber) -> result.getObject("id", UUID.class));
        return new HashSet<>(inserted);
    }

    /** Locks the jobs' rows until the transaction ends, and returns them by id. */
    Map<UUID, JobRow> lock(Collection<UUID> ids) {
        List<JobRow> rows = jdbc.query(LOCK, statement -> statement.setArray(1, uuidArray(statement, ids)),
                (result, rowNumber) -> toRow(result));
        Map<UUID, JobRow> byId = new LinkedHashMap<>();
        rows.forEach(row -> byId.put(row.id(), row));
        return byId;
    }

    /** Adds events to the history, in one statement; an event already there is left as it is. */
    void insertEvents(List<JobStatusEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        jdbc.update(INSERT_EVENTS, statement -> {
            Connection connection = statement.getConnection();
            statement.setArray(1, uuids(connection, events, JobStatusEvent::jobId));
            statement.setArray(2, integers(connection, events, JobStatusEvent::generation));
            statement.setArray(3, integers(connection, events, JobStatusEvent::attempt));
            statement.setArray(4, texts(connection, events, event -> event.status().wireName()));
            statement.setArray(5, texts(connection, events, event -> event.occurredAt().toString()));
            statement.setArray(6, texts(connection, events, event -> nullableText(event.workerId())));
            statement.setArray(7, texts(connection, events, event -> instantText(event.startedAt())));
            statement.setArray(8, texts(connection, events, event -> nullableJson(event.error())));
            statement.setArray(9, texts(connection, events, event -> nullableJson(event.result())));
        });
    }

    /**
     * Records the per-attempt timeout of each job whose record names one. It is kept apart from {@link JobRow}
     * because nothing but a job record sets it and no status event changes it; a row that has it already is
     * left alone.
     */
    void recordTimeouts(List<JobRecord> jobs) {
        List<JobRecord> timed = jobs.stream().filter(job -> job.timeoutSeconds() != null).toList();
        jdbc.batchUpdate(SET_TIMEOUT, timed, timed.size(), (statement, job) -> {
            setInteger(statement, 1, job.timeoutSeconds());
            statement.setObject(2, job.id());
            setInteger(statement, 3, job.timeoutSeconds());
        });
    }

    /**
     * Writes the rows back, all columns but the id, in one statement. A payload is sent only when it is not the
     * one the row was read with, since a job's payload is set once and is the largest column.
     *
     * @param before the rows as read, by id
     */
    void update(List<JobRow> rows, Map<UUID, JobRow> before) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.update(UPDATE, statement -> bindRows(statement, rows, row -> {
            JobRow read = before.get(row.id());
            return read != null && read.payload() == row.payload() ? null : row.payload();
        }));
    }

    private static void bindRows(PreparedStatement statement, List<JobRow> rows,
            Function<JobRow, @Nullable JsonNode> payload) throws SQLException {
        Connection connection = statement.getConnection();
        statement.setArray(1, uuids(connection, rows, JobRow::id));
        statement.setArray(2, texts(connection, rows, row -> nullableText(row.userId())));
        statement.setArray(3, texts(connection, rows, row -> nullableText(row.type())));
        statement.setArray(4, texts(connection, rows, row -> nullableJson(payload.apply(row))));
        statement.setArray(5, texts(connection, rows, row -> row.status().wireName()));
        statement.setArray(6, integers(connection, rows, JobRow::generation));
        statement.setArray(7, integers(connection, rows, JobRow::attempt));
        statement.setArray(8, integers(connection, rows, JobRow::maxRetries));
        statement.setArray(9, texts(connection, rows, row -> nullableJson(row.result())));
        statement.setArray(10, texts(connection, rows, row -> nullableJson(row.lastError())));
        statement.setArray(11, texts(connection, rows, row -> nullableText(row.workerId())));
        statement.setArray(12, texts(connection, rows, row -> nullableText(row.traceId())));
        statement.setArray(13, texts(connection, rows, row -> instantText(row.createdAt())));
        statement.setArray(14, texts(connection, rows, row -> instantText(row.startedAt())));
        statement.setArray(15, texts(connection, rows, row -> instantText(row.finishedAt())));
        statement.setArray(16, texts(connection, rows, row -> instantText(row.nextAttemptAt())));
        statement.setArray(17, texts(connection, rows, row -> row.updatedAt().toString()));
    }

    private static <T> Array texts(Connection connection, List<T> items, Function<T, @Nullable String> value)
            throws SQLException {
        return column(connection, "text", items, value, String[]::new);
    }

    private static <T> Array integers(Connection connection, List<T> items, Function<T, @Nullable Integer> value)
            throws SQLException {
        return column(connection, "int4", items, value, Integer[]::new);
    }

    private static <T> Array uuids(Connection connection, List<T> items, Function<T, UUID> value)
            throws SQLException {
        return column(connection, "uuid", items, value, UUID[]::new);
    }

    /**
     * One column of a batch, as an array typed by its elements: pgjdbc sends {@code String[]} and
     * {@code Integer[]} in PostgreSQL's binary array format, where an {@code Object[]} would be written out as an
     * array literal, every element escaped.
     */
    private static <T, V> Array column(Connection connection, String type, List<T> items,
            Function<T, ? extends @Nullable V> value, IntFunction<@Nullable V[]> newArray) throws SQLException {
        @Nullable V[] values = newArray.apply(items.size());
        for (int i = 0; i < values.length; i++) {
            values[i] = value.apply(items.get(i));
        }
        return connection.createArrayOf(type, values);
    }

    private static Array uuidArray(PreparedStatement statement, Collection<UUID> ids) throws SQLException {
        return statement.getConnection().createArrayOf("uuid", ids.toArray());
    }

    private static JobRow toRow(ResultSet result) throws SQLException {
        return new JobRow(result.getObject("id", UUID.class), result.getString("user_id"), result.getString("type"),
                json(result, "payload"), JobStatus.fromWireName(result.getString("status")),
                result.getInt("generation"), result.getInt("attempt"), result.getObject("max_retries", Integer.class),
                json(result, "result"), json(result, "last_error", JobError.class), result.getString("worker_id"),
                result.getString("trace_id"), instant(result, "created_at"), instant(result, "started_at"),
                instant(result, "finished_at"), instant(result, "next_attempt_at"), instant(result, "updated_at"));
    }
}
