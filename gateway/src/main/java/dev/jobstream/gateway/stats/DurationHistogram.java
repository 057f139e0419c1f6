package dev.jobstream.gateway.stats;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Job durations counted per bucket, as {@code readmodel.job_minutes.duration_histogram} keeps them: bucket
 * {@code i} counts the durations from its lower bound up to the next bucket's; the last bucket has no upper bound.
 */
final class DurationHistogram {

    private final long[] lowerBoundsMs;
    private final long[] counts;

    DurationHistogram(long[] lowerBoundsMs, long[] counts) {
        if (lowerBoundsMs.length != counts.length) {
            throw new IllegalArgumentException("one count per bucket expected: " + lowerBoundsMs.length
                    + " bounds, " + counts.length + " counts");
        }
        this.lowerBoundsMs = lowerBoundsMs.clone();
        this.counts = counts.clone();
    }

    long count() {
        return Arrays.stream(counts).sum();
    }

    /**
     * An estimate of the duration below which the given share of the durations lie: the bucket that holds that
     * rank is found, and the duration is interpolated linearly between its bounds, assuming the durations spread
     * evenly inside it. In the last bucket, which has no upper bound, the estimate is its lower bound. Null when
     * nothing was counted.
     *
     * @param share between 0 and 1, e.g. 0.95 for the 95th percentile
     */
    @Nullable Long percentileMs(double share) {
        long total = count();
        if (total == 0) {
            return null;
        }
        double rank = share * total;
        long below = 0;
        int bucket = 0;
        while (bucket < counts.length - 1 && below + counts[bucket] < rank) {
            below += counts[bucket];
            bucket++;
        }
        return Math.round(interpolate(bucket, rank - below));
    }

    private double interpolate(int bucket, double rankInBucket) {
        boolean unbounded = bucket == counts.length - 1;
        if (unbounded || counts[bucket] == 0) {
            return lowerBoundsMs[bucket];
        }
        double width = lowerBoundsMs[bucket + 1] - lowerBoundsMs[bucket];
        return lowerBoundsMs[bucket] + width * Math.min(1.0, rankInBucket / counts[bucket]);
    }
}
