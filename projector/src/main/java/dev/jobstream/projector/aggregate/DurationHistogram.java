package dev.jobstream.projector.aggregate;

import java.util.Arrays;
import java.util.OptionalLong;

/**
 * Durations counted per bucket, as {@code readmodel.job_minutes.duration_histogram} keeps them: bucket {@code i}
 * holds the durations from its lower bound up to, not including, the next bucket's; the last has no upper bound.
 */
public final class DurationHistogram {

    private final long[] lowerBoundsMs;
    private final long[] counts;

    DurationHistogram(long[] lowerBoundsMs, long[] counts) {
        if (lowerBoundsMs.length != counts.length) {
            throw new IllegalArgumentException(
                    "a histogram needs one count per bucket: " + lowerBoundsMs.length + " bounds, " + counts.length);
        }
        this.lowerBoundsMs = lowerBoundsMs.clone();
        this.counts = counts.clone();
    }

    /** The histogram with the counts of both; they must have the same buckets. */
    public DurationHistogram plus(DurationHistogram other) {
        if (!Arrays.equals(lowerBoundsMs, other.lowerBoundsMs)) {
            throw new IllegalArgumentException("histograms with different buckets cannot be added");
        }
        long[] sum = counts.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += other.counts[i];
        }
        return new DurationHistogram(lowerBoundsMs, sum);
    }

    /** How many durations were counted. */
    public long count() {
        return Arrays.stream(counts).sum();
    }

    /**
     * The duration below which the given share of the durations lie, interpolated linearly inside its bucket;
     * nothing when no duration was counted. In the last bucket, which has no upper bound, it is the bucket's
     * lower bound.
     *
     * @param share between 0 and 1, e.g. 0.95 for the 95th percentile
     */
    public OptionalLong percentileMs(double share) {
        long total = count();
        if (total == 0) {
            return OptionalLong.empty();
        }
        double rank = share * total;
        long below = 0;
        int bucket = 0;
        while (bucket < counts.length - 1 && below + counts[bucket] < rank) {
            below += counts[bucket];
            bucket++;
        }
        return OptionalLong.of(Math.round(interpolate(bucket, rank - below)));
    }

    private double interpolate(int bucket, double rankInBucket) {
        long lower = lowerBoundsMs[bucket];
        if (bucket == counts.length - 1 || counts[bucket] == 0) {
            return lower;
        }
        double upper = lowerBoundsMs[bucket + 1];
        return lower + (upper - lower) * Math.min(1.0, rankInBucket / counts[bucket]);
    }
}
