package dev.jobstream.gateway;

import dev.jobstream.contract.PayloadLimits;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's settings, under {@code jobstream.gateway}. Every value has a default and is checked at start-up.
 *
 * @param limits upper bounds on job parameters
 * @param maxBodySize the largest request body accepted
 * @param publishTimeout how long a submission waits for Kafka to acknowledge the job before answering 503
 * @param idempotencyTtl how long an {@code Idempotency-Key} is remembered
 * @param idempotencyCleanupInterval how often expired idempotency keys are deleted
 * @param recentTtl how long an accepted job is served from memory while the read model catches up
 * @param recentMaxSize how many recently accepted jobs are kept in memory at most
 */
@ConfigurationProperties("jobstream.gateway")
public record GatewayProperties(
        @DefaultValue Limits limits,
        @DefaultValue("64KB") DataSize maxBodySize,
        @DefaultValue("5s") Duration publishTimeout,
        @DefaultValue("24h") Duration idempotencyTtl,
        @DefaultValue("5m") Duration idempotencyCleanupInterval,
        @DefaultValue("10m") Duration recentTtl,
        @DefaultValue("100000") long recentMaxSize) {

    public GatewayProperties {
        requirePositive("max-body-size", maxBodySize.toBytes());
        requirePositive("publish-timeout", publishTimeout.toMillis());
        requirePositive("idempotency-ttl", idempotencyTtl.toMillis());
        requirePositive("idempotency-cleanup-interval", idempotencyCleanupInterval.toMillis());
        requirePositive("recent-ttl", recentTtl.toMillis());
        requirePositive("recent-max-size", recentMaxSize);
    }

    /**
     * Upper bounds on job parameters.
     *
     * @param maxSleep the longest {@code sleep} a job may ask for
     * @param maxComputeSize the largest {@code size} a {@code compute} job may ask for
     */
    public record Limits(@DefaultValue("5m") Duration maxSleep, @DefaultValue("50000000") long maxComputeSize) {

        public Limits {
            requirePositive("limits.max-sleep", maxSleep.toSeconds());
            requirePositive("limits.max-compute-size", maxComputeSize);
        }

        /** The limits in the form the contract's rules take. */
        public PayloadLimits toPayloadLimits() {
            return new PayloadLimits(maxSleep, maxComputeSize);
        }
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("jobstream.gateway." + name + " must be positive, was " + value);
        }
    }
}
