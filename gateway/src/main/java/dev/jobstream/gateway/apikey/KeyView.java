package dev.jobstream.gateway.apikey;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An issued key as listings show it, without the key.
 *
 * @param id the key's public id
 * @param userId the user it acts for
 * @param createdAt when it was issued
 * @param revokedAt when it was revoked, if it was
 * @param revoked whether it is revoked
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record KeyView(String id, String userId, @Nullable Instant createdAt, @Nullable Instant revokedAt, boolean revoked) {

    KeyView(String id, String userId, @Nullable Instant createdAt, @Nullable Instant revokedAt) {
        this(id, userId, createdAt, revokedAt, revokedAt != null);
    }
}
