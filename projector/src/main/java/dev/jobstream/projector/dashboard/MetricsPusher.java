package dev.jobstream.projector.dashboard;

import dev.jobstream.projector.aggregate.JobScope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Pushes the charts to every page every {@code jobstream.projector.dashboard.metrics-interval}, read once per
 * owner and type that pages look at.
 */
@Component
class MetricsPusher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MetricsPusher.class);

    private final DashboardHub hub;
    private final DashboardMetrics metrics;
    private final Duration interval;
    private @Nullable ScheduledExecutorService scheduler;

    MetricsPusher(DashboardHub hub, DashboardMetrics metrics, DashboardProperties properties) {
        this.hub = hub;
        this.metrics = metrics;
        this.interval = properties.metricsInterval();
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "dashboard-metrics");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::pushSafely, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    /** Reads the charts of each scope pages look at and queues them for those pages. */
    void push() {
        Map<JobScope, List<DashboardSession>> byScope = new HashMap<>();
        for (DashboardSession session : hub.sessions()) {
            session.filter().ifPresent(filter ->
                    byScope.computeIfAbsent(filter.scope(), scope -> new ArrayList<>()).add(session));
        }
        byScope.forEach((scope, sessions) -> offer(metrics.of(scope), sessions));
    }

    private static void offer(ServerMessage.Metrics message, Collection<DashboardSession> sessions) {
        sessions.forEach(session -> session.offer(message));
    }

    private void pushSafely() {
        try {
            push();
        } catch (RuntimeException failure) {
            log.warn("Could not push the dashboard's charts; trying again in {}", interval, failure);
        }
    }
}
