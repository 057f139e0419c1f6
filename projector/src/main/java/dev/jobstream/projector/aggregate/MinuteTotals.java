package dev.jobstream.projector.aggregate;

import java.time.Instant;

/**
 * What happened in one minute, over the jobs of a scope.
 *
 * @param minute when the minute started
 * @param done jobs that finished successfully
 * @param failed jobs that failed for good
 * @param retried attempts that failed and will be retried
 * @param dead jobs moved to the dead-letter queue
 * @param cancelled jobs cancelled
 * @param durationSumMs the summed duration of the done jobs whose start is known
 * @param durations those durations per bucket
 */
public record MinuteTotals(
        Instant minute,
        long done,
        long failed,
        long retried,
        long dead,
        long cancelled,
        long durationSumMs,
        DurationHistogram durations) {
}
