package dev.jobstream.processor.retry;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How failed attempts are retried ({@code jobstream.processor.retry.*}).
 *
 * <p>The wait after failed attempt {@code n} is {@code base × factor^(n-1)}, at most {@code cap}, then spread at
 * random by up to {@code ±jitter} of itself so that jobs which failed together do not all come back together, and
 * again at most {@code cap}. With the defaults the waits are about 1 s, 2 s, 4 s, 8 s … up to 5 min, each ±20 %.
 *
 * <p>The retry topics are the tiers {@code base}, {@code 2 × base}, {@code 4 × base} … up to {@code cap}, named
 * {@code jobs-retry-<tier>}: {@code jobs-retry-1s} … {@code jobs-retry-256s} with the defaults (see
 * {@link RetryTopics}).
 *
 * @param base the wait after the first failed attempt, and the shortest tier
 * @param factor how much longer each following wait is; 1 keeps every wait at {@code base}
 * @param cap the longest wait
 * @param jitter the fraction, from 0 (none) to below 1, by which a wait is spread at random either way
 */
@ConfigurationProperties("jobstream.processor.retry")
public record RetryProperties(
        @DefaultValue("1s") Duration base,
        @DefaultValue("2.0") double factor,
        @DefaultValue("5m") Duration cap,
        @DefaultValue("0.2") double jitter) {

    private static final Duration SHORTEST_BASE = Duration.ofMillis(10);

    public RetryProperties {
        if (base.compareTo(SHORTEST_BASE) < 0) {
            throw invalid("base must be at least " + SHORTEST_BASE.toMillis() + "ms, was " + base);
        }
        if (cap.compareTo(base) < 0) {
            throw invalid("cap must be at least base, was " + cap + " with base " + base);
        }
        if (!(factor >= 1.0) || Double.isInfinite(factor)) {
            throw invalid("factor must be a number of at least 1, was " + factor);
        }
        if (!(jitter >= 0.0 && jitter < 1.0)) {
            throw invalid("jitter must be at least 0 and below 1, was " + jitter);
        }
    }

    private static IllegalArgumentException invalid(String problem) {
        return new IllegalArgumentException("jobstream.processor.retry." + problem);
    }
}
