package dev.jobstream.projector.dashboard;

import dev.jobstream.projector.readmodel.ReadModelProjector;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Hears of every committed change of {@code readmodel.jobs}, whichever projector instance made it, and hands
 * the ids to the {@link DashboardHub}.
 *
 * <p>Each batch the projector writes notifies the channel {@value #CHANNEL} with the ids of the jobs it
 * changed, comma-separated, a few hundred per notification; PostgreSQL delivers the notifications once the
 * transaction has committed, to every connection listening. This one listens on a connection of its own, taken
 * from the pool for as long as the projector runs. When that connection fails, changes may be missed until it
 * listens again, so the hub then starts a new epoch and every page gets a fresh snapshot.
 */
@Component
class JobChangeFeed implements SmartLifecycle {

    /** The notification channel the projector's batches notify. */
    static final String CHANNEL = ReadModelProjector.CHANGES_CHANNEL;

    private static final Logger log = LoggerFactory.getLogger(JobChangeFeed.class);
    private static final int WAIT_MILLIS = 250;

    private final DataSource dataSource;
    private final DashboardHub hub;
    private final Duration retry;
    private volatile boolean running;
    private @Nullable Thread listener;

    JobChangeFeed(DataSource dataSource, DashboardHub hub, DashboardProperties properties) {
        this.dataSource = dataSource;
        this.hub = hub;
        this.retry = properties.listenerRetry();
    }

    @Override
    public synchronized void start() {
        running = true;
        listener = new Thread(this::listenWhileRunning, "dashboard-change-feed");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
            try {
                listener.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            listener = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listenWhileRunning() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                listen(connection);
            } catch (SQLException | RuntimeException failure) {
                if (running) {
                    log.warn("Lost the connection that listens for read model changes; listening again in {}",
                            retry, failure);
                    pause();
                }
            }
        }
    }

    private void listen(Connection connection) throws SQLException {
        PGConnection notifications = connection.unwrap(PGConnection.class);
        try (Statement statement = connection.createStatement()) {
            statement.execute("listen " + CHANNEL);
        }
        log.info("Listening for read model changes on channel {}", CHANNEL);
        hub.restart();
        while (running) {
            PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
            if (received != null && received.length > 0) {
                publish(received);
            }
        }
    }

    private void publish(PGNotification[] received) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (PGNotification notification : received) {
            if (CHANNEL.equals(notification.getName())) {
                for (String id : notification.getParameter().split(",")) {
                    ids.add(UUID.fromString(id));
                }
            }
        }
        try {
            hub.publish(ids);
        } catch (RuntimeException failure) {
            log.warn("Could not load {} changed jobs for the dashboard; its pages get a fresh snapshot", ids.size(),
                    failure);
            hub.restart();
        }
    }

    private void pause() {
        try {
            Thread.sleep(retry.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
