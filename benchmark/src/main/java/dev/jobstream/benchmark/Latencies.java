package dev.jobstream.benchmark;

import java.time.Duration;
import java.util.Arrays;

/**
 * A set of measured durations and their percentiles.
 */
final class Latencies {

    private final long[] micros;

    private Latencies(long[] micros) {
        this.micros = micros;
        Arrays.sort(this.micros);
    }

    static Latencies ofMicros(long[] micros) {
        return new Latencies(micros.clone());
    }

    int count() {
        return micros.length;
    }

    Duration percentile(double p) {
        if (micros.length == 0) {
            return Duration.ZERO;
        }
        int index = (int) Math.ceil(p / 100.0 * micros.length) - 1;
        return Duration.ofNanos(micros[Math.max(0, Math.min(index, micros.length - 1))] * 1_000);
    }

    String summary() {
        return "p50 " + millis(percentile(50)) + ", p95 " + millis(percentile(95)) + ", p99 " + millis(percentile(99));
    }

    static String millis(Duration duration) {
        return String.format("%.1f ms", duration.toNanos() / 1_000_000.0);
    }
}
