package dev.jobstream.processor.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/**
 * The wait before a failed job's next attempt: exponential in the attempts so far, capped, with jitter (see
 * {@link RetryProperties}).
 */
@Component
public class RetryBackoff {

    private final RetryProperties properties;

    RetryBackoff(RetryProperties properties) {
        this.properties = properties;
    }

    /** The wait before the attempt that follows failed attempt {@code failedAttempt}, counted from 1. */
    public Duration after(int failedAttempt) {
        double capMillis = properties.cap().toMillis();
        double nominal = Math.min(capMillis,
                properties.base().toMillis() * Math.pow(properties.factor(), Math.max(0, failedAttempt - 1)));
        double spread = nominal * (1 + properties.jitter() * ThreadLocalRandom.current().nextDouble(-1.0, 1.0));
        return Duration.ofMillis(Math.round(Math.min(capMillis, spread)));
    }
}
