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
 * <p>A submission claims its key before publishing its job, which makes the row {@code accepting} and stores the
 * job record with it. Once Kafka has the job the row becomes {@code accepted} and holds the response to replay;
 * when Kafka does not take it the row becomes {@code publish-failed}. A claim is a single insert that only takes
 * over an existing row once it has expired, so of many concurrent submissions with one key exactly one wins.
 *
 * <p>A repeat with the same body takes over a {@code publish-failed} row, and an {@code accepting} row that is
 * older than twice the publish timeout (its request died with the gateway), and publishes the stored job again
 * under its original id; the processor runs a job id once, so a job that did reach Kafka is not run twice. Only
 * a repeat that arrives while another request is still within its publish timeout is refused with 409. Expiry
 * and abandonment are judged by the gateway's clock, the same clock that stamped the row.
 */
@Repository
public class IdempotencyKeys {

    private static final String TAKE = """
            insert into gateway.idempotency_keys as k
                (user_id, idempotency_key, request_hash, job_id, job_record, response, state, created_at,
                 claimed_at, expires_at)
            values (:user, :key, :hash, :job, cast(:record as json), null, 'accepting', :now, :now, :expires)
            on conflict (user_id, idempotency_key) do update
                set request_hash = excluded.request_hash, job_id = excluded.job_id,
                    job_record = excluded.job_record, response = null, state = 'accepting',
                    created_at = excluded.created_at, claimed_at = excluded.claimed_at,
                    expires_at = excluded.expires_at
                where k.expires_at < excluded.created_at
            returning k.job_id""";

    private static final String RESUME = """
            update gateway.idempotency_keys set state = 'accepting', claimed_at = :now
            where user_id = :user and idempotency_key = :key and request_hash = :hash and job_record is not null
              and (state = 'publish-failed' or (state = 'accepting' and claimed_at < :abandonedBefore))
            returning job_record""";

    private static final String FIND = """
            select request_hash, state, response from gateway.idempotency_keys
            where user_id = :user and idempotency_key = :key""";

    private static final String ANSWERED = """
            select response from gateway.idempotency_keys
            where user_id = :user and idempotency_key = :key and request_hash = :hash and state = 'accepted'
              and response is not null and expires_at >= :now""";

    private static final String COMPLETE = """
            update gateway.idempotency_keys set state = 'accepted', response = cast(:response as json)
            where user_id = :user and idempotency_key = :key and job_id = :job""";

    private static final String PUBLISH_FAILED = """
            update gateway.idempotency_keys set state = 'publish-failed'
            where user_id = :user and idempotency_key = :key and job_id = :job and state = 'accepting'""";

    private static final String DELETE_EXPIRED = "delete from gateway.idempotency_keys where expires_at < :now";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration ttl;
    private final Duration abandonedAfter;

    IdempotencyKeys(JdbcClient jdbc, Clock clock, GatewayProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ttl = properties.idempotencyTtl();
        this.abandonedAfter = properties.publishTimeout().multipliedBy(2);
    }

    /**
     * Claims a key for a submission about to publish a job.
     *
     * @param jobId the id of the submission's new job
     * @param jobRecord the new job's record as JSON, stored with the key
     * @throws IdempotencyKeyReusedException when the key was used with another body
     * @throws IdempotencyKeyInUseException when another request with the key is still publishing its job
     */
    public Claim claim(String userId, IdempotencyKey key, String requestHash, UUID jobId, String jobRecord) {
        for (int round = 0; round < 2; round++) {
            if (take(userId, key, requestHash, jobId, jobRecord)) {
                return new Claim.Granted();
            }
            Optional<String> unfinished = resume(userId, key, requestHash);
            if (unfinished.isPresent()) {
                return new Claim.Resumed(unfinished.get());
            }
            Optional<StoredKey> stored = find(userId, key);
            if (stored.isPresent()) {
                return stored.get().claimBy(requestHash);
            }
        }
        throw new IdempotencyKeyInUseException();
    }

    /**
     * The response stored for a key whose job was accepted already for the same body, if it is one: a repeat of
     * such a submission creates no job, so it is not charged to the submission limit.
     */
    public Optional<String> answered(String userId, IdempotencyKey key, String requestHash) {
        return jdbc.sql(ANSWERED).param("user", userId).param("key", key.value()).param("hash", requestHash)
                .param("now", timestamp(clock.instant())).query(String.class).optional();
    }

    /** Marks a claimed key as standing for its accepted job, with the response to replay. */
    public void complete(String userId, IdempotencyKey key, UUID jobId, String response) {
        jdbc.sql(COMPLETE).param("user", userId).param("key", key.value()).param("job", jobId)
                .param("response", response).update();
    }

    /**
     * Marks a claimed key as standing for a job Kafka did not acknowledge, so that the client's retry publishes
     * the same job again rather than a new one.
     */
    public void publishFailed(String userId, IdempotencyKey key, UUID jobId) {
        jdbc.sql(PUBLISH_FAILED).param("user", userId).param("key", key.value()).param("job", jobId).update();
    }

    /** Deletes the keys that have expired, returning how many. */
    public int deleteExpired() {
        return jdbc.sql(DELETE_EXPIRED).param("now", timestamp(clock.instant())).update();
    }

    private boolean take(String userId, IdempotencyKey key, String requestHash, UUID jobId, String jobRecord) {
        Instant now = clock.instant();
        return jdbc.sql(TAKE).param("user", userId).param("key", key.value()).param("hash", requestHash)
                .param("job", jobId).param("record", jobRecord).param("now", timestamp(now))
                .param("expires", timestamp(now.plus(ttl)))
                .query(UUID.class).optional().isPresent();
    }

    private Optional<String> resume(String userId, IdempotencyKey key, String requestHash) {
        Instant now = clock.instant();
        return jdbc.sql(RESUME).param("user", userId).param("key", key.value()).param("hash", requestHash)
                .param("now", timestamp(now)).param("abandonedBefore", timestamp(now.minus(abandonedAfter)))
                .query(String.class).optional();
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
