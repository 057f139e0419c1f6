package dev.jobstream.projector.dashboard;

import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.JobError;
import dev.jobstream.contract.JobStatus;
import dev.jobstream.projector.dashboard.AttemptHistory.HistoryEvent;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;

/**
 * Reads jobs for the dashboard from {@code readmodel.jobs} and their history from {@code readmodel.job_events}.
 */
@Repository
class DashboardJobs {

    /** The most ids one statement loads; a larger set is loaded in several. */
    static final int IDS_PER_QUERY = 1000;

    private static final String SUMMARY = """
            select id, user_id, type, status, generation, attempt, max_retries, last_error ->> 'message' as error,
                   trace_id, created_at, started_at, finished_at, next_attempt_at, updated_at""";

    private static final String RECENT = SUMMARY + """
             from readmodel.jobs %s
            order by created_at desc nulls last, id desc limit ?""";

    private static final String BY_IDS = SUMMARY + " from readmodel.jobs where id = any(?)";

    private static final String DETAIL = SUMMARY + """
            , payload, result, last_error, worker_id from readmodel.jobs where id = ?""";

    private static final String HISTORY = """
            select generation, attempt, status, occurred_at, worker_id, started_at, error
            from readmodel.job_events where job_id = ? order by generation, attempt, occurred_at""";

    private final JdbcTemplate jdbc;

    DashboardJobs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest jobs the filter keeps, newest first. */
    List<JobSummary> recent(JobFilter filter, int limit) {
        List<String> conditions = filter.conditions();
        String where = conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions);
        List<Object> arguments = new ArrayList<>(filter.arguments());
        arguments.add(limit);
        return jdbc.query(RECENT.formatted(where), (rows, number) -> summary(rows), arguments.toArray());
    }

    /** The jobs with these ids, in no particular order; ids without a row are left out. */
    List<JobSummary> byIds(Collection<UUID> ids) {
        List<UUID> all = List.copyOf(ids);
        List<JobSummary> jobs = new ArrayList<>(all.size());
        for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
            List<UUID> chunk = all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY));
            jobs.addAll(jdbc.query(BY_IDS, statement -> statement.setArray(1, uuids(statement, chunk)),
                    (rows, number) -> summary(rows)));
        }
        return jobs;
    }

    /** The job with its attempts, if it has a row. */
    Optional<JobDetail> detail(UUID id) {
        List<HistoryEvent> history = jdbc.query(HISTORY, (rows, number) -> historyEvent(rows), id);
        return jdbc.query(DETAIL, (rows, number) -> new JobDetail(summary(rows), json(rows, "payload"),
                json(rows, "result"), error(rows, "last_error"), rows.getString("worker_id"),
                AttemptHistory.attempts(history)), id).stream().findFirst();
    }

    private static Array uuids(PreparedStatement statement, List<UUID> ids) throws SQLException {
        return statement.getConnection().createArrayOf("uuid", ids.toArray());
    }

    private static JobSummary summary(ResultSet rows) throws SQLException {
        return new JobSummary(rows.getObject("id", UUID.class), rows.getString("user_id"), rows.getString("type"),
                JobStatus.fromWireName(rows.getString("status")), rows.getInt("generation"), rows.getInt("attempt"),
                rows.getObject("max_retries", Integer.class), JobSummary.shortError(rows.getString("error")),
                rows.getString("trace_id"), instant(rows, "created_at"), instant(rows, "started_at"),
                instant(rows, "finished_at"), instant(rows, "next_attempt_at"),
                rows.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static HistoryEvent historyEvent(ResultSet rows) throws SQLException {
        return new HistoryEvent(rows.getInt("generation"), rows.getInt("attempt"),
                JobStatus.fromWireName(rows.getString("status")),
                rows.getObject("occurred_at", OffsetDateTime.class).toInstant(), rows.getString("worker_id"),
                instant(rows, "started_at"), error(rows, "error"));
    }

    private static @Nullable Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime time = rows.getObject(column, OffsetDateTime.class);
        return time != null ? time.toInstant() : null;
    }

    private static @Nullable JsonNode json(ResultSet rows, String column) throws SQLException {
        String json = rows.getString(column);
        return json != null ? JobCodec.mapper().readTree(json) : null;
    }

    private static @Nullable JobError error(ResultSet rows, String column) throws SQLException {
        String json = rows.getString(column);
        return json != null ? JobCodec.mapper().readValue(json, JobError.class) : null;
    }
}
