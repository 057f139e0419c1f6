package dev.jobstream.gateway.caller;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How callers prove who they are, under {@code jobstream.gateway.auth}.
 *
 * @param mode {@code x-user-id}: the caller names itself in the {@code X-User-Id} header, trusted as it is (the
 *     embedded default); {@code api-key}: the caller sends {@code Authorization: Bearer <key>} with a key the
 *     administrator issued, and {@code X-User-Id} is ignored
 * @param adminKey the key of the administrator, who manages API keys and sees every user's jobs; required in the
 *     {@code api-key} mode, optional otherwise (without it the admin endpoints refuse every request)
 */
@ConfigurationProperties("jobstream.gateway.auth")
public record AuthProperties(@DefaultValue("x-user-id") String mode, @Nullable String adminKey) {

    /** The mode in which callers name themselves. */
    public static final String USER_ID_MODE = "x-user-id";

    /** The mode in which callers present API keys. */
    public static final String API_KEY_MODE = "api-key";

    /** Admin keys shorter than this are refused at start-up, being too easy to guess. */
    static final int MIN_ADMIN_KEY_LENGTH = 16;

    public AuthProperties {
        if (!USER_ID_MODE.equals(mode) && !API_KEY_MODE.equals(mode)) {
            throw new IllegalArgumentException("jobstream.gateway.auth.mode must be " + USER_ID_MODE + " or "
                    + API_KEY_MODE + ", was " + mode);
        }
        if (adminKey != null && adminKey.isBlank()) {
            adminKey = null;
        }
        if (API_KEY_MODE.equals(mode) && adminKey == null) {
            throw new IllegalArgumentException(
                    "jobstream.gateway.auth.admin-key is required when jobstream.gateway.auth.mode is api-key");
        }
        if (adminKey != null && adminKey.length() < MIN_ADMIN_KEY_LENGTH) {
            throw new IllegalArgumentException("jobstream.gateway.auth.admin-key must be at least "
                    + MIN_ADMIN_KEY_LENGTH + " characters");
        }
    }

    /** Whether callers present API keys. */
    public boolean apiKeys() {
        return API_KEY_MODE.equals(mode);
    }
}
