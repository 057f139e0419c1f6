package dev.jobstream.processor;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the processor runs jobs ({@code jobstream.processor.*}).
 *
 * @param workers threads that run jobs; jobs of one partition run side by side on them
 * @param maxInFlightPerPartition unfinished records of one partition before it is paused
 * @param pollTimeout how long one poll of the jobs topic waits for records
 * @param commitInterval how often finished offsets are committed
 * @param revokeGrace how long running jobs of a revoked partition may finish before they are interrupted
 * @param shutdownGrace how long running jobs may finish on shutdown before they are interrupted
 * @param retryBackoff the pause before a failed claim or an unacknowledged status event is tried again
 * @param finishedRunRetention how long the run table remembers a finished job
 * @param cleanupInterval how often expired finished runs are deleted
 */
@ConfigurationProperties("jobstream.processor")
public record ProcessorProperties(
        @DefaultValue("32") int workers,
        @DefaultValue("1000") int maxInFlightPerPartition,
        @DefaultValue("100ms") Duration pollTimeout,
        @DefaultValue("100ms") Duration commitInterval,
        @DefaultValue("10s") Duration revokeGrace,
        @DefaultValue("10s") Duration shutdownGrace,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("7d") Duration finishedRunRetention,
        @DefaultValue("1h") Duration cleanupInterval) {

    public ProcessorProperties {
        atLeastOne("workers", workers);
        atLeastOne("max-in-flight-per-partition", maxInFlightPerPartition);
        positive("poll-timeout", pollTimeout);
        positive("commit-interval", commitInterval);
        notNegative("revoke-grace", revokeGrace);
        notNegative("shutdown-grace", shutdownGrace);
        positive("retry-backoff", retryBackoff);
        positive("finished-run-retention", finishedRunRetention);
        positive("cleanup-interval", cleanupInterval);
    }

    private static void atLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("jobstream.processor." + name + " must be at least 1, was " + value);
        }
    }

    private static void positive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("jobstream.processor." + name + " must be positive, was " + value);
        }
    }

    private static void notNegative(String name, Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("jobstream.processor." + name + " must not be negative, was " + value);
        }
    }
}
