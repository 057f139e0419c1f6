package dev.jobstream.projector.dashboard;

import java.net.URI;
import java.time.Duration;
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
 * @param sessionQueue how many messages may wait for a slow page; past that they are dropped and the page gets
 *     a fresh snapshot once it keeps up again
 * @param metricsInterval how often the charts and counts are pushed
 * @param metricsWindow how far back the charts reach
 * @param listenerRetry how long to wait before listening for changes again after the database connection failed
 */
@ConfigurationProperties("jobstream.projector.dashboard")
public record DashboardProperties(
        @DefaultValue("http://localhost:3000") URI gatewayUrl,
        @DefaultValue("50") int recentJobs,
        @DefaultValue("2000") int deltaBuffer,
        @DefaultValue("500") int sessionQueue,
        @DefaultValue("5s") Duration metricsInterval,
        @DefaultValue("15m") Duration metricsWindow,
        @DefaultValue("2s") Duration listenerRetry) {

    public DashboardProperties {
        requirePositive("recent-jobs", recentJobs);
        requirePositive("delta-buffer", deltaBuffer);
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
}
