package dev.jobstream.projector.readmodel;

import dev.jobstream.contract.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What one batch adds to {@code readmodel.job_counts} and {@code readmodel.job_minutes}, worked out from the rows
 * before and after the batch, with no database involved.
 *
 * <p>Counts move from a job's old owner, type and status to its new ones. Each status change that ends an attempt
 * or a job (done, failed, retrying, dead, cancelled) is counted in the minute it happened, even when several
 * happen to one job in the same batch; a job is counted as submitted, in the minute of its {@code created_at},
 * when its record is first projected. Changes that do not advance a job count nothing, so a batch delivered twice
 * counts once.
 */
final class AggregateDeltas {

    private static final Set<JobStatus> OUTCOMES =
            EnumSet.of(JobStatus.DONE, JobStatus.FAILED, JobStatus.RETRYING, JobStatus.DEAD, JobStatus.CANCELLED);

    /** Orders keys the same way in every transaction, so two of them never wait for each other's counters. */
    private static final Comparator<@Nullable String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());
    static final Comparator<CountKey> COUNT_ORDER = Comparator.comparing(CountKey::userId, TEXT)
            .thenComparing(CountKey::type, TEXT).thenComparing(CountKey::status);
    static final Comparator<MinuteKey> MINUTE_ORDER = Comparator.comparing(MinuteKey::minute)
            .thenComparing(MinuteKey::userId, TEXT).thenComparing(MinuteKey::type, TEXT);

    private final long[] lowerBoundsMs;
    private final Map<CountKey, Long> counts = new HashMap<>();
    private final Map<MinuteKey, MinuteDelta> minutes = new HashMap<>();

    /** @param lowerBoundsMs the lower bounds of the duration histogram's buckets, ascending */
    AggregateDeltas(long[] lowerBoundsMs) {
        this.lowerBoundsMs = lowerBoundsMs.clone();
    }

    /**
     * Counts what a job's changes did to it.
     *
     * @param before the job's row before the batch; nothing when the batch created the row
     * @param start the row the changes were applied to: {@code before}, or the skeleton the batch inserted
     * @param changes the job's changes, in the order they were applied
     * @param now when the batch is applied; the time of outcomes whose row names no finish time
     */
    void count(@Nullable JobRow before, JobRow start, List<JobChange> changes, Instant now) {
        JobRow after = JobRowFolder.fold(start, changes);
        countStatus(before, after);
        countSubmission(start, after);
        countOutcomes(start, changes, after, now);
    }

    /** The counters that change, by key, in the order every batch writes them; none is zero. */
    Map<CountKey, Long> counts() {
        Map<CountKey, Long> sorted = new TreeMap<>(COUNT_ORDER);
        counts.forEach((key, change) -> {
            if (change != 0) {
                sorted.put(key, change);
            }
        });
        return sorted;
    }

    /** The minutes that change, by key, in the order every batch writes them. */
    Map<MinuteKey, MinuteDelta> minutes() {
        Map<MinuteKey, MinuteDelta> sorted = new TreeMap<>(MINUTE_ORDER);
        sorted.putAll(minutes);
        return sorted;
    }

    private void countStatus(@Nullable JobRow before, JobRow after) {
        if (before != null) {
            counts.merge(CountKey.of(before), -1L, Long::sum);
        }
        counts.merge(CountKey.of(after), 1L, Long::sum);
    }

    private void countSubmission(JobRow start, JobRow after) {
        if (start.createdAt() == null && after.createdAt() != null) {
            minute(after.createdAt(), after).submitted++;
        }
    }

    /** Walks the changes one by one, so that each outcome counts, under the job's owner and type as they end up. */
    private void countOutcomes(JobRow start, List<JobChange> changes, JobRow after, Instant now) {
        JobRow row = start;
        for (JobChange change : changes) {
            JobRow next = change.applyTo(row);
            if (!next.position().equals(row.position()) && OUTCOMES.contains(next.status())) {
                Instant at = next.finishedAt() != null ? next.finishedAt() : now;
                minute(at, after).add(next, lowerBoundsMs);
            }
            row = next;
        }
    }

    private MinuteDelta minute(Instant at, JobRow job) {
        MinuteKey key = new MinuteKey(at.truncatedTo(ChronoUnit.MINUTES), job.userId(), job.type());
        return minutes.computeIfAbsent(key, unused -> new MinuteDelta(lowerBoundsMs.length));
    }

    /** One row of {@code readmodel.job_counts}. */
    record CountKey(@Nullable String userId, @Nullable String type, String status) {

        static CountKey of(JobRow row) {
            return new CountKey(row.userId(), row.type(), row.status().wireName());
        }
    }

    /** One row of {@code readmodel.job_minutes}. */
    record MinuteKey(Instant minute, @Nullable String userId, @Nullable String type) {
    }

    /** What a batch adds to one row of {@code readmodel.job_minutes}. */
    static final class MinuteDelta {

        int submitted;
        int done;
        int failed;
        int retried;
        int dead;
        int cancelled;
        int durationCount;
        long durationSumMs;
        final long[] histogram;

        MinuteDelta(int buckets) {
            histogram = new long[buckets];
        }

        private void add(JobRow outcome, long[] lowerBoundsMs) {
            switch (outcome.status()) {
                case DONE -> {
                    done++;
                    addDuration(outcome, lowerBoundsMs);
                }
                case FAILED -> failed++;
                case RETRYING -> retried++;
                case DEAD -> dead++;
                case CANCELLED -> cancelled++;
                default -> throw new IllegalArgumentException("not an outcome: " + outcome.status());
            }
        }

        private void addDuration(JobRow done, long[] lowerBoundsMs) {
            if (done.startedAt() == null || done.finishedAt() == null) {
                return;
            }
            long millis = Duration.between(done.startedAt(), done.finishedAt()).toMillis();
            durationCount++;
            durationSumMs += Math.max(0, millis);
            histogram[bucketOf(millis, lowerBoundsMs)]++;
        }

        /** The histogram as PostgreSQL array text. */
        String histogramText() {
            return Arrays.toString(histogram).replace('[', '{').replace(']', '}').replace(" ", "");
        }
    }

    /** The bucket whose range holds the duration; one below the first bound counts in the first bucket. */
    static int bucketOf(long durationMs, long[] lowerBoundsMs) {
        int found = Arrays.binarySearch(lowerBoundsMs, durationMs);
        return Math.max(0, found >= 0 ? found : -found - 2);
    }
}
