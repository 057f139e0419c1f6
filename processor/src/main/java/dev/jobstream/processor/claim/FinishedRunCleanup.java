package dev.jobstream.processor.claim;

import dev.jobstream.processor.ProcessorProperties;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Deletes finished runs once they are older than {@code jobstream.processor.finished-run-retention}.
 *
 * <p>Limitation: a record of a finished job that is delivered again after its run was deleted runs again.
 * Offsets are committed within moments of a job finishing, so only a replay of old records from the jobs
 * topic reaches that far back.
 */
@Component
class FinishedRunCleanup implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(FinishedRunCleanup.class);

    private final JobClaims claims;
    private final ProcessorProperties properties;
    private final Clock clock;

    FinishedRunCleanup(JobClaims claims, ProcessorProperties properties, Clock clock) {
        this.claims = claims;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::deleteExpiredRuns, properties.cleanupInterval());
    }

    void deleteExpiredRuns() {
        try {
            int deleted = claims.deleteFinishedBefore(clock.instant().minus(properties.finishedRunRetention()));
            log.debug("Deleted {} finished job runs older than {}", deleted, properties.finishedRunRetention());
        } catch (DataAccessException failure) {
            log.warn("Could not delete expired job runs; trying again in {}", properties.cleanupInterval(), failure);
        }
    }
}
