package dev.jobstream.gateway.apikey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The issued API keys, in {@code gateway.api_keys}: their public id, owner, hash and dates. A key is looked up by
 * its id and accepted when its hash matches and it is not revoked; revocation takes effect at the next request.
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
            returning id, user_id, created_at, revoked_at""";

    private final JdbcClient jdbc;
    private final Clock clock;

    ApiKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
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

    /** Issues a new key for a user, storing only its hash; the returned key is never shown again. */
    IssuedKey issue(String userId) {
        ApiKey key = ApiKey.generate();
        Instant now = clock.instant();
        jdbc.sql(INSERT).param("id", key.id()).param("user", userId).param("hash", key.hash())
                .param("now", timestamp(now)).update();
        return new IssuedKey(key.id(), userId, key.text(), now);
    }

    /** Every key, oldest first, without secrets. */
    List<KeyView> list() {
        return jdbc.sql(LIST).query(ApiKeys::view).list();
    }

    /** Revokes a key; revoking it again keeps the first revocation time. */
    Optional<KeyView> revoke(String id) {
        return jdbc.sql(REVOKE).param("id", id).param("now", timestamp(clock.instant())).query(ApiKeys::view)
                .optional();
    }

    private static KeyView view(ResultSet row, int rowNumber) throws SQLException {
        return new KeyView(row.getString("id"), row.getString("user_id"), instant(row, "created_at"),
                instant(row, "revoked_at"));
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
}
