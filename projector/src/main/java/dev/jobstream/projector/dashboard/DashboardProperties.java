package dev.jobstream.projector.dashboard;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the live dashboard, under {@code jobstream.projector.dashboard}.
 *
 * @param gatewayUrl where the page sends replays, discards and cancellations; the gateway must allow the
 *     dashboard's origin ({@code jobstream.gateway.cors.allowed-origins})
 * @param recentJobs how many jobs the table shows, and a snapshot carries
 * @param deltaBuffer how many recent changes are kept, so that a page that reconnects gets what it missed
 *     instead of a whole snapshot
 * @param deltaBufferJobs how many jobs those kept changes may carry in all; the oldest changes are forgotten
 *     first, and a page that missed more gets a snapshot
 * @param sessionQueue how many messages may wait for a slow page; past that they are dropped and the page gets
 *     a fresh snapshot once it keeps up again
 * @param metricsInterval how often the charts and counts are pushed
 * @param metricsWindow how far back the charts reach
 * @param listenerRetry how long to wait before listening for changes again after the database connection failed
 * @param auth who may watch: the same mode and admin key as the gateway's {@code jobstream.gateway.auth}
 */
@ConfigurationProperties("jobstream.projector.dashboard")
public record DashboardProperties(
        @DefaultValue("http://localhost:3000") URI gatewayUrl,
        @DefaultValue("50") int recentJobs,
        @DefaultValue("2000") int deltaBuffer,
        @DefaultValue("20000") int deltaBufferJobs,
        @DefaultValue("500") int sessionQueue,
        @DefaultValue("5s") Duration metricsInterval,
        @DefaultValue("15m") Duration metricsWindow,
        @DefaultValue("2s") Duration listenerRetry,
        @DefaultValue Auth auth) {

    public DashboardProperties {
        requirePositive("recent-jobs", recentJobs);
        requirePositive("delta-buffer", deltaBuffer);
        requirePositive("delta-buffer-jobs", deltaBufferJobs);
        requirePositive("session-queue", sessionQueue);
        requirePositive("metrics-interval", metricsInterval.toMillis());
        requirePositive("metrics-window", metricsWindow.toMinutes());
        requirePositive("listener-retry", listenerRetry.toMillis());
        if (recentJobs > 1000) {
            throw new IllegalArgumentException("jobstream.projector.dashboard.recent-jobs must be at most 1000");
        }
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(
                    "jobstream.projector.dashboard." + name + " must be positive, was " + value);
        }
    }

    /**
     * Who may watch, under {@code jobstream.projector.dashboard.auth}; set as the gateway's auth is set.
     *
     * @param mode {@code x-user-id}: anyone who reaches the page sees every user's jobs, and acts on them as their
     *     owner (the embedded default); {@code api-key}: the page sends an API key the gateway issued, and sees the
     *     jobs of the key's user only, or every user's with the admin key
     * @param adminKey the administrator's key, the gateway's {@code jobstream.gateway.auth.admin-key}; required
     *     in the {@code api-key} mode
     */
    public record Auth(@DefaultValue(USER_ID_MODE) String mode, @Nullable String adminKey) {

        /** The mode in which the page names no one. */
        public static final String USER_ID_MODE = "x-user-id";

        /** The mode in which the page presents an API key. */
        public static final String API_KEY_MODE = "api-key";

        /** Admin keys shorter than this are refused, as the gateway refuses them. */
        static final int MIN_ADMIN_KEY_LENGTH = 16;

        public Auth {
            if (!USER_ID_MODE.equals(mode) && !API_KEY_MODE.equals(mode)) {
                throw new IllegalArgumentException("jobstream.projector.dashboard.auth.mode must be " + USER_ID_MODE
                        + " or " + API_KEY_MODE + ", was " + mode);
            }
            if (adminKey != null && adminKey.isBlank()) {
                adminKey = null;
            }
            if (API_KEY_MODE.equals(mode) && adminKey == null) {
                throw new IllegalArgumentException("jobstream.projector.dashboard.auth.admin-key is required when "
                        + "jobstream.projector.dashboard.auth.mode is api-key");
            }
            if (adminKey != null && adminKey.length() < MIN_ADMIN_KEY_LENGTH) {
                throw new IllegalArgumentException("jobstream.projector.dashboard.auth.admin-key must be at least "
                        + MIN_ADMIN_KEY_LENGTH + " characters");
            }
        }

        /** Whether the page must present an API key. */
        public boolean apiKeys() {
            return API_KEY_MODE.equals(mode);
        }

        @Override
        public String toString() {
            return "Auth[mode=" + mode + "]";
        }
    }
}
