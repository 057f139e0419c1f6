package dev.jobstream.gateway;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A row of {@code readmodel.job_events}, a job's history, to insert as the projector would have written it.
 *
 * @param jobId the job
 * @param generation the generation
 * @param attempt the attempt
 * @param status the status the event moved the job to
 * @param occurredAt when it happened
 * @param errorJson the error, as the projector stores it, when the attempt failed
 */
public record ReadModelEvent(UUID jobId, int generation, int attempt, String status, Instant occurredAt,
        @Nullable String errorJson) {

    private static final String INSERT = """
            insert into readmodel.job_events (job_id, generation, attempt, status, occurred_at, worker_id, error)
            values (?, ?, ?, ?, ?, 'worker-1', cast(? as jsonb))""";

    /** The error JSON of an attempt that failed with the exception type and message. */
    public static String error(String type, String message) {
        return "{\"type\": \"" + type + "\", \"message\": \"" + message + "\", \"stack\": \"at somewhere\"}";
    }

    public void insertInto(JdbcTemplate jdbc) {
        jdbc.update(INSERT, jobId, generation, attempt, status, OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC),
                errorJson);
    }
}
