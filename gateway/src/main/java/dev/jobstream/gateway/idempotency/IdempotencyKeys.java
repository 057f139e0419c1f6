package dev.jobstream.gateway.idempotency;

import dev.jobstream.gateway.GatewayProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The idempotency keys in use, in {@code gateway.idempotency_keys}, one row per user and key.
 *
 * <p>A submission claims its key before publishing its job, which makes the row {@code accepting}; once Kafka has
 * the job the row becomes {@code accepted} and holds the response to replay. A claim is a single insert that only
 * takes over an existing row once it has expired, so of many concurrent submissions with one key exactly one
 * wins. Expiry is judged by the gateway's clock, the same clock that set {@code expires_at}.
 *
 * <p>Limitation: if the gateway stops between Kafka's acknowledgement and completing the key, the key stays
 * {@code accepting} and repeats of it are answered 409 until it expires, although the job was accepted.
 */
@Repository
public class IdempotencyKeys {

    private static final String TAKE = """
            insert into gateway.idempotency_keys as k
                (user_id, idempotency_key, request_hash, job_id, response, state, created_at, expires_at)
            values (:user, :key, :hash, :job, null, 'accepting', :now, :expires)
            on conflict (user_id, idempotency_key) do update
                set request_hash = excluded.request_hash, job_id = excluded.job_id, response = null,
                    state = 'accepting', created_at = excluded.created_at, expires_at = excluded.expires_at
                where k.expires_at < excluded.created_at
            returning k.job_id""";

    private static final String FIND = """
            select request_hash, state, response from gateway.idempotency_keys
            where user_id = :user and idempotency_key = :key""";

    private static final String COMPLETE = """
            update gateway.idempotency_keys set state = 'accepted', response = cast(:response as json)
            where user_id = :user and idempotency_key = :key and job_id = :job""";

    private static final String RELEASE = """
            delete from gateway.idempotency_keys
            where user_id = :user and idempotency_key = :key and job_id = :job and state = 'accepting'""";

    private static final String DELETE_EXPIRED = "delete from gateway.idempotency_keys where expires_at < :now";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration ttl;

    IdempotencyKeys(JdbcClient jdbc, Clock clock, GatewayProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ttl = properties.idempotencyTtl();
    }

    /**
     * Claims a key for a submission about to publish {@code jobId}.
     *
     * @throws IdempotencyKeyReusedException when the key was used with another body
     * @throws IdempotencyKeyInUseException when the key's first submission is still being accepted
     */
    public Claim claim(String userId, IdempotencyKey key, String requestHash, UUID jobId) {
        for (int round = 0; round < 2; round++) {
            if (take(userId, key, requestHash, jobId)) {
                return Claim.granted();
            }
            Optional<StoredKey> stored = find(userId, key);
            if (stored.isPresent()) {
                return stored.get().claimBy(requestHash);
            }
        }
        throw new IdempotencyKeyInUseException();
    }

    /** Marks a claimed key as standing for its accepted job, with the response to replay. */
    public void complete(String userId, IdempotencyKey key, UUID jobId, String response) {
        jdbc.sql(COMPLETE).param("user", userId).param("key", key.value()).param("job", jobId)
                .param("response", response).update();
    }

    /** Gives a claimed key up because its job could not be published, so that the client can retry. */
    public void release(String userId, IdempotencyKey key, UUID jobId) {
        jdbc.sql(RELEASE).param("user", userId).param("key", key.value()).param("job", jobId).update();
    }

    /** Deletes the keys that have expired, returning how many. */
    public int deleteExpired() {
        return jdbc.sql(DELETE_EXPIRED).param("now", timestamp(clock.instant())).update();
    }

    private boolean take(String userId, IdempotencyKey key, String requestHash, UUID jobId) {
        Instant now = clock.instant();
        return jdbc.sql(TAKE).param("user", userId).param("key", key.value()).param("hash", requestHash)
                .param("job", jobId).param("now", timestamp(now)).param("expires", timestamp(now.plus(ttl)))
                .query(UUID.class).optional().isPresent();
    }

    private Optional<StoredKey> find(String userId, IdempotencyKey key) {
        return jdbc.sql(FIND).param("user", userId).param("key", key.value())
                .query((row, rowNumber) -> new StoredKey(row.getString("request_hash"), row.getString("state"),
                        row.getString("response")))
                .optional();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
