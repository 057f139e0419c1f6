package dev.jobstream.projector.dashboard;

import dev.jobstream.contract.ApiKeyFormat;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Decides who watches the dashboard. In the {@code x-user-id} mode anyone sees every user's jobs. In the
 * {@code api-key} mode a viewer presents a key: the admin key sees every user's jobs, a key the gateway granted
 * and did not revoke sees its user's only, and anything else nothing.
 */
@Component
class DashboardAccess {

    private static final String BEARER = "Bearer ";

    private final DashboardProperties.Auth auth;
    private final GrantedKeys keys;
    private final byte @Nullable [] adminKey;

    DashboardAccess(DashboardProperties properties, GrantedKeys keys) {
        this.auth = properties.auth();
        this.keys = keys;
        String admin = auth.adminKey();
        this.adminKey = admin != null ? admin.getBytes(StandardCharsets.UTF_8) : null;
    }

    /** Whether a viewer must present a key. */
    boolean keyRequired() {
        return auth.apiKeys();
    }

    /** The mode, as the page is told it. */
    String mode() {
        return auth.mode();
    }

    /**
     * The viewer a presented key makes.
     *
     * @return empty in the {@code api-key} mode when the key is missing, unknown, revoked or wrong
     */
    Optional<Viewer> viewerOf(@Nullable String key) {
        if (!auth.apiKeys()) {
            return Optional.of(Viewer.EVERYONE);
        }
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        if (isAdminKey(key)) {
            return Optional.of(Viewer.EVERYONE);
        }
        return keys.userOf(key).map(user -> Viewer.user(user, ApiKeyFormat.idOf(key).orElseThrow()));
    }

    /** The viewer of an HTTP request, by its {@code Authorization: Bearer <key>} header. */
    Optional<Viewer> viewerOfHeader(@Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return viewerOf(null);
        }
        return viewerOf(authorization.substring(BEARER.length()).strip());
    }

    /**
     * Whether a refused key may yet become known: the keys granted before this projector started are still
     * being read, so the viewer should try again shortly rather than be told its key is wrong.
     */
    boolean stillLearningKeys() {
        return auth.apiKeys() && !keys.caughtUp();
    }

    private boolean isAdminKey(String key) {
        return adminKey != null && MessageDigest.isEqual(adminKey, key.getBytes(StandardCharsets.UTF_8));
    }
}
