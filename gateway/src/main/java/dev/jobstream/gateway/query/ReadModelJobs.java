package dev.jobstream.gateway.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads jobs from the read model, {@code readmodel.jobs} and {@code readmodel.job_events}, which the projector
 * owns and keeps up to date. Listings are newest first and continue after a cursor (keyset pagination); a job
 * whose creation time the read model does not know yet sorts first.
 */
@Repository
class ReadModelJobs {

    private static final String COLUMNS = "select id, user_id, type, payload, status, generation, attempt, "
            + "max_retries, timeout_seconds, result, last_error, trace_id, created_at, started_at, finished_at, "
            + "next_attempt_at from readmodel.jobs ";

    private static final String ERROR_TEXT = " and (strpos(lower(last_error ->> 'message'), lower(:text)) > 0"
            + " or strpos(lower(last_error ->> 'type'), lower(:text)) > 0)";

    private static final String ERRORS = """
            select generation, attempt, status, occurred_at, error from readmodel.job_events
            where job_id = :id and jsonb_typeof(error) = 'object'
            order by occurred_at, generation, attempt""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ReadModelJobs(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<JobView> find(UUID id) {
        return jdbc.sql(COLUMNS + "where id = :id").param("id", id).query(this::job).optional();
    }

    /** The failed attempts in a job's history, oldest first. */
    List<JobView.AttemptError> errorsOf(UUID id) {
        return jdbc.sql(ERRORS).param("id", id).query(this::attemptError).list();
    }

    /** Up to {@code rows} jobs of a user, or of all users, that match the query, after its cursor. */
    List<JobView> list(@Nullable String userId, JobListQuery query, int rows) {
        StringBuilder sql = new StringBuilder(COLUMNS).append(userId != null ? "where user_id = :user" : "where true");
        if (query.status() != null) {
            sql.append(" and status = :status");
        }
        if (query.type() != null) {
            sql.append(" and type = :type");
        }
        if (query.errorText() != null) {
            sql.append(ERROR_TEXT);
        }
        JobCursor after = query.after();
        if (after != null) {
            sql.append(after.createdAt() != null ? " and (created_at, id) < (:createdAt, :id)"
                    : " and (created_at is not null or id < :id)");
        }
        sql.append(" order by created_at desc nulls first, id desc limit :rows");
        return jdbc.sql(sql.toString()).param("user", userId)
                .param("status", query.status() != null ? query.status().wireName() : null)
                .param("type", query.type()).param("text", query.errorText()).param("rows", rows)
                .param("createdAt", after != null ? timestamp(after.createdAt()) : null)
                .param("id", after != null ? after.id() : null)
                .query(this::job).list();
    }

    /** Up to {@code rows} dead jobs of a user, or of all users, that match the filter, oldest first. */
    List<JobView> dead(@Nullable String userId, DeadJobFilter filter, int rows) {
        StringBuilder sql = new StringBuilder(COLUMNS)
                .append(userId != null ? "where user_id = :user" : "where true").append(" and status = 'dead'");
        if (filter.type() != null) {
            sql.append(" and type = :type");
        }
        if (filter.errorText() != null) {
            sql.append(ERROR_TEXT);
        }
        if (filter.diedBefore() != null) {
            sql.append(" and finished_at < :diedBefore");
        }
        sql.append(" order by created_at nulls last, id limit :rows");
        return jdbc.sql(sql.toString()).param("user", userId).param("type", filter.type())
                .param("text", filter.errorText()).param("diedBefore", timestamp(filter.diedBefore()))
                .param("rows", rows).query(this::job).list();
    }

    private JobView job(ResultSet row, int rowNumber) throws SQLException {
        Instant startedAt = instant(row, "started_at");
        Instant finishedAt = instant(row, "finished_at");
        return new JobView(row.getObject("id", UUID.class), row.getString("user_id"), row.getString("status"),
                row.getString("type"), json(row, "payload"), row.getInt("generation"), row.getInt("attempt"),
                row.getObject("max_retries", Integer.class), row.getObject("timeout_seconds", Integer.class),
                json(row, "result"), error(json(row, "last_error")), instant(row, "created_at"), startedAt,
                finishedAt, durationMs(startedAt, finishedAt), instant(row, "next_attempt_at"),
                row.getString("trace_id"), null);
    }

    private JobView.AttemptError attemptError(ResultSet row, int rowNumber) throws SQLException {
        JobView.ErrorView error = error(json(row, "error"));
        return new JobView.AttemptError(row.getInt("generation"), row.getInt("attempt"), row.getString("status"),
                row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                error != null ? error : new JobView.ErrorView(null, null));
    }

    private @Nullable JsonNode json(ResultSet row, String column) throws SQLException {
        String text = row.getString(column);
        return text != null ? json.readTree(text) : null;
    }

    private static JobView.@Nullable ErrorView error(@Nullable JsonNode error) {
        if (error == null || !error.isObject()) {
            return null;
        }
        return new JobView.ErrorView(text(error, "type"), text(error, "message"));
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }

    private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value != null ? value.toInstant() : null;
    }

    private static @Nullable Long durationMs(@Nullable Instant startedAt, @Nullable Instant finishedAt) {
        return startedAt != null && finishedAt != null ? Duration.between(startedAt, finishedAt).toMillis() : null;
    }

    private static @Nullable OffsetDateTime timestamp(@Nullable Instant instant) {
        return instant != null ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : null;
    }
}
