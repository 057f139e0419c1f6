package dev.jobstream.projector.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DurationHistogramTest {

    private static final long[] BOUNDS = {0, 10, 100, 1000};

    @Test
    void anEmptyHistogramHasNoPercentile() {
        DurationHistogram empty = new DurationHistogram(BOUNDS, new long[] {0, 0, 0, 0});

        assertThat(empty.percentileMs(0.95)).isEmpty();
    }

    @Test
    void thePercentileIsInterpolatedInsideItsBucket() {
        DurationHistogram durations = new DurationHistogram(BOUNDS, new long[] {0, 50, 50, 0});

        assertThat(durations.percentileMs(0.5)).hasValue(100);
        assertThat(durations.percentileMs(0.95)).hasValue(910);
    }

    @Test
    void aPercentileInTheLastBucketIsItsLowerBound() {
        DurationHistogram durations = new DurationHistogram(BOUNDS, new long[] {1, 0, 0, 9});

        assertThat(durations.percentileMs(0.95)).hasValue(1000);
    }

    @Test
    void histogramsAddUpBucketByBucket() {
        DurationHistogram first = new DurationHistogram(BOUNDS, new long[] {1, 2, 0, 0});
        DurationHistogram second = new DurationHistogram(BOUNDS, new long[] {0, 2, 4, 0});

        DurationHistogram sum = first.plus(second);

        assertThat(sum.count()).isEqualTo(9);
        assertThat(sum.percentileMs(0.5)).hasValue(89);
    }

    @Test
    void histogramsWithOtherBucketsCannotBeAdded() {
        DurationHistogram first = new DurationHistogram(BOUNDS, new long[] {1, 2, 0, 0});
        DurationHistogram other = new DurationHistogram(new long[] {0, 5, 50, 500}, new long[] {1, 1, 1, 1});

        assertThatThrownBy(() -> first.plus(other)).isInstanceOf(IllegalArgumentException.class);
    }
}
