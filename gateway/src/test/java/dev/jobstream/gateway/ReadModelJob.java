package dev.jobstream.gateway;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A row of {@code readmodel.jobs} to insert, as the projector would have written it. Starts as a pending sleep
 * job created now; change what a test cares about.
 */
public final class ReadModelJob {

    private static final String INSERT = """
            insert into readmodel.jobs (id, user_id, type, payload, status, generation, attempt, max_retries,
                timeout_seconds, result, last_error, worker_id, trace_id, created_at, started_at, finished_at,
                next_attempt_at, updated_at)
            values (?, ?, ?, cast(? as jsonb), ?, ?, ?, 3, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?)
            """;

    private UUID id = UUID.randomUUID();
    private final @Nullable String userId;
    private String type = "sleep";
    private @Nullable String payload = "{\"type\": \"sleep\", \"duration\": 1}";
    private String status = "pending";
    private int generation;
    private int attempt;
    private @Nullable Integer timeoutSeconds;
    private @Nullable String result;
    private @Nullable String lastError;
    private @Nullable String workerId;
    private @Nullable String traceId;
    private @Nullable Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private @Nullable Instant startedAt;
    private @Nullable Instant finishedAt;
    private @Nullable Instant nextAttemptAt;

    private ReadModelJob(@Nullable String userId) {
        this.userId = userId;
    }

    public static ReadModelJob ofUser(@Nullable String userId) {
        return new ReadModelJob(userId);
    }

    public ReadModelJob id(UUID value) {
        this.id = value;
        return this;
    }

    public ReadModelJob type(String value, String payloadJson) {
        this.type = value;
        this.payload = payloadJson;
        return this;
    }

    /** A row whose job record the projector has not seen: no payload. */
    public ReadModelJob withoutPayload() {
        this.payload = null;
        return this;
    }

    public ReadModelJob generation(int value) {
        this.generation = value;
        return this;
    }

    public ReadModelJob timeoutSeconds(int value) {
        this.timeoutSeconds = value;
        return this;
    }

    /** A job that ran out of retries: dead after {@code attempts} attempts, the last one failing with the error. */
    public ReadModelJob dead(int attempts, Instant diedAt, String errorJson) {
        return status("dead").ran(attempts, diedAt.minusSeconds(1), diedAt, "worker-1").lastError(errorJson);
    }

    public ReadModelJob status(String value) {
        this.status = value;
        return this;
    }

    public ReadModelJob createdAt(@Nullable Instant value) {
        this.createdAt = value;
        return this;
    }

    /** An attempt that ran from {@code started} to {@code finished} on a worker. */
    public ReadModelJob ran(int attemptNumber, Instant started, @Nullable Instant finished, String worker) {
        this.attempt = attemptNumber;
        this.startedAt = started;
        this.finishedAt = finished;
        this.workerId = worker;
        return this;
    }

    public ReadModelJob result(String json) {
        this.result = json;
        return this;
    }

    public ReadModelJob lastError(String json) {
        this.lastError = json;
        return this;
    }

    public ReadModelJob nextAttemptAt(Instant value) {
        this.nextAttemptAt = value;
        return this;
    }

    public ReadModelJob traceId(String value) {
        this.traceId = value;
        return this;
    }

    /** Inserts the row and returns its id. */
    public UUID insertInto(JdbcTemplate jdbc) {
        jdbc.update(INSERT, id, userId, type, payload, status, generation, attempt, timeoutSeconds, result,
                lastError, workerId, traceId,
                timestamp(createdAt), timestamp(startedAt), timestamp(finishedAt), timestamp(nextAttemptAt),
                timestamp(Instant.now()));
        return id;
    }

    private static @Nullable OffsetDateTime timestamp(@Nullable Instant instant) {
        return instant != null ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : null;
    }
}
