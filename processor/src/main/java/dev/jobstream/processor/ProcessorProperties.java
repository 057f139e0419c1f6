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
 * @param retryBackoff the pause before a failed claim, an unacknowledged outcome, a failed forward from a retry
 *     topic or a control request that could not be stored is tried again; not the wait between a job's attempts,
 *     which is {@code jobstream.processor.retry.*}
 * @param finishedRunRetention how long the run table remembers a finished job
 * @param cleanupInterval how often expired finished runs and cancellations are deleted
 * @param defaultTimeout how long one attempt of a job that names no {@code timeout_seconds} may run before it is
 *     interrupted and counted as failed
 * @param controlLookback how far back in {@code job-control} this instance starts reading when it starts, so a
 *     request made while it was down still applies; requests read twice are harmless
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
        @DefaultValue("1h") Duration cleanupInterval,
        @DefaultValue("300s") Duration defaultTimeout,
        @DefaultValue("5m") Duration controlLookback) {

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
        positive("default-timeout", defaultTimeout);
        notNegative("control-lookback", controlLookback);
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
