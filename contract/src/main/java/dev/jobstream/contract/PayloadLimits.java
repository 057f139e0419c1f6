package dev.jobstream.contract;

import java.time.Duration;

/**
 * Upper bounds on job parameters, so no single job can occupy a worker without end.
 *
 * @param maxSleep the longest {@code sleep} a job may ask for
 * @param maxComputeSize the largest {@code size} a {@code compute} job may ask for
 */
public record PayloadLimits(Duration maxSleep, long maxComputeSize) {

    /** The limits a service uses unless configured otherwise. */
    public static final PayloadLimits DEFAULTS = new PayloadLimits(Duration.ofMinutes(5), 50_000_000L);
}
