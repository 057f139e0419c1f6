package dev.jobstream.gateway.stats;

import java.time.Instant;

/**
 * What happened in one clock hour.
 *
 * @param hour the start of the hour
 * @param submitted jobs created in the hour, as far as the projector has seen their record
 * @param done jobs that finished successfully in the hour
 * @param failed jobs that failed for good in the hour
 * @param dead jobs moved to the dead-letter queue in the hour
 */
public record HourlyTotals(Instant hour, long submitted, long done, long failed, long dead) {

    /** An hour in which nothing happened. */
    static HourlyTotals empty(Instant hour) {
        return new HourlyTotals(hour, 0, 0, 0, 0);
    }
}
