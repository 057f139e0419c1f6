package dev.jobstream.projector.readmodel;

import static dev.jobstream.projector.readmodel.SqlValues.instant;
import static dev.jobstream.projector.readmodel.SqlValues.json;
import static dev.jobstream.projector.readmodel.SqlValues.setInstant;
import static dev.jobstream.projector.readmodel.SqlValues.setInteger;
import static dev.jobstream.projector.readmodel.SqlValues.setJson;
import static dev.jobstream.projector.readmodel.SqlValues.setText;

import dev.jobstream.contract.JobError;
import dev.jobstream.contract.JobRecord;
import dev.jobstream.contract.JobStatus;
import dev.jobstream.contract.JobStatusEvent;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes {@code readmodel.jobs} and {@code readmodel.job_events}, a whole batch per statement.
 *
 * <p>Both Kafka listeners write the same rows. Each takes its row locks in job id order, first by inserting
 * the missing rows, then by locking them all, so two batches wait for each other instead of deadlocking.
 */
@Repository
class JobRowRepository {

    private static final String INSERT_SKELETONS = """
            insert into readmodel.jobs (id, status, generation, attempt, updated_at)
            select batch.id, 'pending', 0, 0, ? from unnest(?::uuid[]) as batch (id) order by batch.id
            on conflict (id) do nothing
            returning id""";

    private static final String LOCK = """
            select id, user_id, type, payload, status, generation, attempt, max_retries, result, last_error,
                   worker_id, trace_id, created_at, started_at, finished_at, next_attempt_at, updated_at
            from readmodel.jobs where id = any(?) order by id for update""";

    private static final String INSERT_EVENT = """
            insert into readmodel.job_events
                (job_id, generation, attempt, status, occurred_at, worker_id, started_at, error, result)
            values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)
            on conflict do nothing""";

    private static final String UPDATE = """
            update readmodel.jobs set user_id = ?, type = ?, payload = ?::jsonb, status = ?, generation = ?,
                attempt = ?, max_retries = ?, result = ?::jsonb, last_error = ?::jsonb, worker_id = ?, trace_id = ?,
                created_at = ?, started_at = ?, finished_at = ?, next_attempt_at = ?, updated_at = ?
            where id = ?""";

    private static final String SET_TIMEOUT = """
            update readmodel.jobs set timeout_seconds = ? where id = ? and timeout_seconds is distinct from ?""";

    private final JdbcTemplate jdbc;

    JobRowRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a pending skeleton row for each job that has no row yet, and returns the ids of those jobs. */
    Set<UUID> insertSkeletons(Collection<UUID> ids, Instant now) {
        List<UUID> inserted = jdbc.query(INSERT_SKELETONS, statement -> {
            setInstant(statement, 1, now);
            statement.setArray(2, uuidArray(statement, ids));
        }, (result, rowNumber) -> result.getObject("id", UUID.class));
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

    /** Adds events to the history; an event already there is left as it is. */
    void insertEvents(List<JobStatusEvent> events) {
        jdbc.batchUpdate(INSERT_EVENT, events, events.size(), (statement, event) -> {
            statement.setObject(1, event.jobId());
            statement.setInt(2, event.generation());
            statement.setInt(3, event.attempt());
            statement.setString(4, event.status().wireName());
            setInstant(statement, 5, event.occurredAt());
            setText(statement, 6, event.workerId());
            setInstant(statement, 7, event.startedAt());
            setJson(statement, 8, event.error());
            setJson(statement, 9, event.result());
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

    /** Writes the rows back, all columns but the id. */
    void update(List<JobRow> rows) {
        jdbc.batchUpdate(UPDATE, rows, rows.size(), (statement, row) -> {
            setText(statement, 1, row.userId());
            setText(statement, 2, row.type());
            setJson(statement, 3, row.payload());
            statement.setString(4, row.status().wireName());
            statement.setInt(5, row.generation());
            statement.setInt(6, row.attempt());
            setInteger(statement, 7, row.maxRetries());
            setJson(statement, 8, row.result());
            setJson(statement, 9, row.lastError());
            setText(statement, 10, row.workerId());
            setText(statement, 11, row.traceId());
            setInstant(statement, 12, row.createdAt());
            setInstant(statement, 13, row.startedAt());
            setInstant(statement, 14, row.finishedAt());
            setInstant(statement, 15, row.nextAttemptAt());
            setInstant(statement, 16, row.updatedAt());
            statement.setObject(17, row.id());
        });
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
