package dev.jobstream.gateway.stats;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The span the totals of a metrics body cover: the 24 clock hours (UTC) that end with the current one, so that the
 * totals are the sums of the hourly entries. The current hour is still under way.
 *
 * @param from the start of the oldest hour, included
 * @param to the end of the current hour, excluded
 */
public record MetricsWindow(Instant from, Instant to) {

    /** How many hours a window covers. */
    static final int HOURS = 24;

    private static final Duration HOUR = Duration.ofHours(1);

    /** The window whose last hour holds {@code now}. */
    static MetricsWindow endingWithHourOf(Instant now) {
        Instant end = now.truncatedTo(ChronoUnit.HOURS).plus(HOUR);
        return new MetricsWindow(end.minus(HOUR.multipliedBy(HOURS)), end);
    }

    /** The start of the window's hour with that index, 0 being the oldest. */
    Instant hour(int index) {
        return from.plus(HOUR.multipliedBy(index));
    }
}
