package dev.jobstream.gateway.apikey;

import dev.jobstream.contract.ApiKeyGrant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The issued API keys, in {@code gateway.api_keys}: their public id, owner, hash and dates. A key is looked up by
 * its id and accepted when its hash matches and it is not revoked; revocation takes effect at the next request.
 *
 * <p>Every change of a key is published to {@code api-keys} before its transaction commits, and undone when the
 * publishing fails, so the projector never misses a key the gateway holds. Republishing all keys at start-up
 * reads them with a share lock held until they are acknowledged: a revocation made meanwhile waits, and its grant
 * comes after the republished one.
 */
@Repository
public class ApiKeys {

    private static final String INSERT = """
            insert into gateway.api_keys (id, user_id, key_hash, created_at) values (:id, :user, :hash, :now)""";

    private static final String FIND_HASH = """
            select user_id, key_hash from gateway.api_keys where id = :id and revoked_at is null""";

    private static final String LIST = """
            select id, user_id, created_at, revoked_at from gateway.api_keys order by created_at, id""";

    private static final String REVOKE = """
            update gateway.api_keys set revoked_at = coalesce(revoked_at, :now) where id = :id
            returning id, user_id, key_hash, created_at, revoked_at""";

    private static final String ALL_FOR_SHARE = """
            select id, user_id, key_hash, created_at, revoked_at from gateway.api_keys order by id for share""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final KeyGrantPublisher publisher;
    private final TransactionTemplate transaction;

    ApiKeys(JdbcClient jdbc, Clock clock, KeyGrantPublisher publisher, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.publisher = publisher;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * The user a presented key stands for.
     *
     * @return empty when the text is not a key, not issued, revoked, or does not match its stored hash
     */
    public Optional<String> userOf(String presented) {
        Optional<ApiKey> key = ApiKey.parse(presented);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql(FIND_HASH).param("id", key.get().id())
                .query((row, rowNumber) -> new StoredHash(row.getString("user_id"), row.getBytes("key_hash")))
                .optional()
                .filter(stored -> key.get().matches(stored.hash()))
                .map(StoredHash::userId);
    }

    /**
     * Issues a new key for a user, storing only its hash; the returned key is never shown again.
     *
     * @throws KeyGrantPublisher.KeyPublishFailedException when the key could not be published; it is not issued
     */
    IssuedKey issue(String userId) {
        ApiKey key = ApiKey.generate();
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> {
            jdbc.sql(INSERT).param("id", key.id()).param("user", userId).param("hash", key.hash())
                    .param("now", timestamp(now)).update();
            publisher.publish(List.of(new StoredKey(key.id(), userId, key.hash(), now, null).grant()));
        });
        return new IssuedKey(key.id(), userId, key.text(), now);
    }

    /** Every key, oldest first, without secrets. */
    List<KeyView> list() {
        return jdbc.sql(LIST).query(ApiKeys::view).list();
    }

    /**
     * Revokes a key; revoking it again keeps the first revocation time, and publishes it again.
     *
     * @throws KeyGrantPublisher.KeyPublishFailedException when the revocation could not be published; the key is
     *     not revoked
     */
    Optional<KeyView> revoke(String id) {
        Optional<KeyView> revoked = transaction.execute(status -> {
            Optional<StoredKey> key = jdbc.sql(REVOKE).param("id", id).param("now", timestamp(clock.instant()))
                    .query(ApiKeys::stored).optional();
            key.ifPresent(stored -> publisher.publish(List.of(stored.grant())));
            return key.map(StoredKey::view);
        });
        return revoked != null ? revoked : Optional.empty();
    }

    /**
     * Publishes the state of every key, so that a change whose publishing was lost with a crashed gateway reaches
     * the projector after all.
     *
     * @return how many keys were published
     * @throws KeyGrantPublisher.KeyPublishFailedException when Kafka did not acknowledge them all
     */
    int republishAll() {
        Integer published = transaction.execute(status -> {
            List<ApiKeyGrant> grants = jdbc.sql(ALL_FOR_SHARE).query(ApiKeys::stored).list().stream()
                    .map(StoredKey::grant).toList();
            publisher.publish(grants);
            return grants.size();
        });
        return published != null ? published : 0;
    }

    private static KeyView view(ResultSet row, int rowNumber) throws SQLException {
        return new KeyView(row.getString("id"), row.getString("user_id"), instant(row, "created_at"),
                instant(row, "revoked_at"));
    }

    private static StoredKey stored(ResultSet row, int rowNumber) throws SQLException {
        return new StoredKey(row.getString("id"), row.getString("user_id"), row.getBytes("key_hash"),
                instant(row, "created_at"), instant(row, "revoked_at"));
    }

    private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value != null ? value.toInstant() : null;
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private record StoredHash(String userId, byte[] hash) {
    }

    /** A row of {@code gateway.api_keys}. */
    private record StoredKey(String id, String userId, byte[] hash, @Nullable Instant createdAt,
            @Nullable Instant revokedAt) {

        KeyView view() {
            return new KeyView(id, userId, createdAt, revokedAt);
        }

        ApiKeyGrant grant() {
            Instant at = revokedAt != null ? revokedAt : createdAt;
            return new ApiKeyGrant(id, userId, HexFormat.of().formatHex(hash), revokedAt != null,
                    at != null ? at : Instant.EPOCH);
        }
    }
}
