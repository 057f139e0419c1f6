package dev.jobstream.gateway.idempotency;

import dev.jobstream.gateway.GatewayProperties;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Deletes expired idempotency keys every {@code jobstream.gateway.idempotency-cleanup-interval}. Expired rows are
 * reusable anyway; deleting them only keeps the table small.
 */
@Component
class ExpiredIdempotencyKeyCleaner implements SchedulingConfigurer {

    private static final Logger LOG = LoggerFactory.getLogger(ExpiredIdempotencyKeyCleaner.class);

    private final IdempotencyKeys keys;
    private final Duration interval;

    ExpiredIdempotencyKeyCleaner(IdempotencyKeys keys, GatewayProperties properties) {
        this.keys = keys;
        this.interval = properties.idempotencyCleanupInterval();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::deleteExpired, interval);
    }

    void deleteExpired() {
        try {
            int deleted = keys.deleteExpired();
            LOG.debug("Deleted {} expired idempotency keys", deleted);
        } catch (DataAccessException failure) {
            LOG.warn("Could not delete expired idempotency keys, will try again in {}: {}", interval,
                    failure.getMessage());
        }
    }
}
