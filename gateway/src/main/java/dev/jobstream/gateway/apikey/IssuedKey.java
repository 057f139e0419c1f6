package dev.jobstream.gateway.apikey;

import java.time.Instant;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The answer to issuing a key: the only time the key itself is shown.
 *
 * @param id the key's public id, for listing and revoking it
 * @param userId the user the key acts for
 * @param key the key to send as {@code Authorization: Bearer <key>}
 * @param createdAt when it was issued
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record IssuedKey(String id, String userId, String key, Instant createdAt) {
}
