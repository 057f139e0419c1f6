package dev.jobstream.projector;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the projector, under {@code jobstream.projector}.
 *
 * @param retry how a batch that could not be written is retried
 */
@ConfigurationProperties("jobstream.projector")
public record ProjectorProperties(@DefaultValue Retry retry) {

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
}
