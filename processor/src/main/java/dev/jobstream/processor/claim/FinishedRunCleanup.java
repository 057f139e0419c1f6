package dev.jobstream.processor.claim;

import dev.jobstream.processor.ProcessorProperties;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Deletes finished runs and cancellations once they are older than
 * {@code jobstream.processor.finished-run-retention}.
 *
 * <p>Limitation: a record of a finished job that is delivered again after its run was deleted runs again.
 * Offsets are committed within moments of a job finishing, so only a replay of old records from the jobs
 * topic reaches that far back. Likewise, a record of a cancelled job that arrives after its cancellation was
 * deleted runs; retries come back within {@code jobstream.processor.retry.cap}, far sooner.
 */
@Component
class FinishedRunCleanup implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(FinishedRunCleanup.class);

    private final JobClaims claims;
    private final Cancellations cancellations;
    private final ProcessorProperties properties;
    private final Clock clock;

    FinishedRunCleanup(JobClaims claims, Cancellations cancellations, ProcessorProperties properties, Clock clock) {
        this.claims = claims;
        this.cancellations = cancellations;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::deleteExpiredRuns, properties.cleanupInterval());
    }

    void deleteExpiredRuns() {
        try {
            Instant cutoff = clock.instant().minus(properties.finishedRunRetention());
            int runs = claims.deleteFinishedBefore(cutoff);
            int cancelled = cancellations.deleteRequestedBefore(cutoff);
            log.debug("Deleted {} finished job runs and {} cancellations older than {}", runs, cancelled,
                    properties.finishedRunRetention());
        } catch (DataAccessException failure) {
            log.warn("Could not delete expired job runs and cancellations; trying again in {}",
                    properties.cleanupInterval(), failure);
        }
    }
}
