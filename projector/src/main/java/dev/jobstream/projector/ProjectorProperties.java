package dev.jobstream.projector;

import dev.jobstream.contract.PayloadLimits;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the projector, under {@code jobstream.projector}.
 *
 * @param retry how a batch that could not be written is retried
 * @param limits the payload limits job records are checked against. Limitation: they are configured apart
 *     from the processor's; if they are stricter, a job the processor runs is skipped here and its row never
 *     gets a payload
 */
@ConfigurationProperties("jobstream.projector")
public record ProjectorProperties(@DefaultValue Retry retry, @DefaultValue Limits limits) {

    /**
     * A batch that fails (the database is down, say) is retried for ever, never skipped, with a delay that
     * doubles from {@code initialBackoff} up to {@code maxBackoff}.
     *
     * @param initialBackoff the delay before the first retry
     * @param maxBackoff the longest delay between two retries
     */
    public record Retry(@DefaultValue("1s") Duration initialBackoff, @DefaultValue("30s") Duration maxBackoff) {

        public Retry {
            if (initialBackoff.isNegative() || initialBackoff.isZero()) {
                throw new IllegalArgumentException("jobstream.projector.retry.initial-backoff must be positive");
            }
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException(
                        "jobstream.projector.retry.max-backoff must not be shorter than initial-backoff");
            }
        }
    }

    /**
     * Upper bounds on job parameters.
     *
     * @param maxSleep the longest {@code sleep} a job may ask for
     * @param maxComputeSize the largest {@code size} a {@code compute} job may ask for
     */
    public record Limits(@DefaultValue("1h") Duration maxSleep, @DefaultValue("50000000") long maxComputeSize) {

        public Limits {
            if (maxSleep.isNegative() || maxComputeSize < 1) {
                throw new IllegalArgumentException("jobstream.projector.limits must not be negative");
            }
        }

        public PayloadLimits toPayloadLimits() {
            return new PayloadLimits(maxSleep, maxComputeSize);
        }
    }
}
