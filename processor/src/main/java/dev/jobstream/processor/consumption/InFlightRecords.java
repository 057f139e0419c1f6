package dev.jobstream.processor.consumption;

import dev.jobstream.processor.claim.JobRunKey;
import dev.jobstream.processor.outcome.Outcome;
import dev.jobstream.processor.outcome.OutcomePublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owned partitions and their unfinished records. Only the consumer thread reads or changes this state;
 * other threads only publish outcomes through {@link #publishFinal}, whose acknowledgements come back through a
 * queue that the consumer thread applies. A record is finished once every record of its outcome was acknowledged;
 * those that were not are published again after the retry backoff, and only those.
 */
final class InFlightRecords {

    private static final Logger log = LoggerFactory.getLogger(InFlightRecords.class);
    private static final long LONGEST_WAIT_MILLIS = 50;

    private final Map<TopicPartition, PartitionState> partitions = new HashMap<>();
    private final BlockingQueue<Completion> completions = new LinkedBlockingQueue<>();
    private final List<JobRunKey> finishedRuns = new ArrayList<>();
    private final List<Completion> unacknowledged = new ArrayList<>();
    private final OutcomePublisher publisher;
    private final Clock clock;
    private final Duration retryBackoff;
    private Instant nextRepublish = Instant.EPOCH;

    InFlightRecords(OutcomePublisher publisher, Clock clock, Duration retryBackoff) {
        this.publisher = publisher;
        this.clock = clock;
        this.retryBackoff = retryBackoff;
    }

    void assign(Collection<TopicPartition> assigned) {
        assigned.forEach(partition -> partitions.put(partition, new PartitionState(partition)));
    }

    @Nullable PartitionState get(TopicPartition partition) {
        return partitions.get(partition);
    }

    List<PartitionState> all() {
        return List.copyOf(partitions.values());
    }

    List<PartitionState> of(Collection<TopicPartition> owned) {
        return owned.stream().map(partitions::get).filter(state -> state != null).toList();
    }

    void remove(Collection<PartitionState> states) {
        states.forEach(state -> partitions.remove(state.partition(), state));
    }

    /**
     * Publishes the outcome of a record; the record finishes once Kafka acknowledged all of it. Safe on any thread.
     */
    void publishFinal(PartitionState partition, long offset, @Nullable JobRunKey run, Outcome outcome) {
        List<CompletableFuture<?>> sent = outcome.records().stream().map(publisher::send).toList();
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).whenComplete((acknowledged, failure) ->
                completions.add(new Completion(partition, offset, run, unacknowledged(outcome, sent), failure)));
    }

    private static Outcome unacknowledged(Outcome outcome, List<CompletableFuture<?>> sent) {
        List<ProducerRecord<String, byte[]>> remaining = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            if (sent.get(i).isCompletedExceptionally()) {
                remaining.add(outcome.records().get(i));
            }
        }
        return outcome.withOnly(remaining);
    }

    /** Attempts whose outcome was acknowledged since the last flush; the committer clears it. */
    List<JobRunKey> finishedRuns() {
        return finishedRuns;
    }

    /** Applies the acknowledgements that arrived, and publishes again the outcomes whose retry is due. */
    void applyCompletions() {
        for (Completion completion = completions.poll(); completion != null; completion = completions.poll()) {
            apply(completion);
        }
        republishDue();
    }

    /**
     * Applies acknowledgements as they arrive until a condition holds or a timeout passes.
     *
     * @return whether the condition holds
     */
    boolean awaitUntil(BooleanSupplier condition, Duration timeout) {
        Instant deadline = clock.instant().plus(timeout);
        applyCompletions();
        while (!condition.getAsBoolean()) {
            long left = Duration.between(clock.instant(), deadline).toMillis();
            if (left <= 0) {
                return false;
            }
            try {
                Completion completion = completions.poll(Math.min(left, LONGEST_WAIT_MILLIS), TimeUnit.MILLISECONDS);
                if (completion != null) {
                    apply(completion);
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return condition.getAsBoolean();
            }
            republishDue();
        }
        return true;
    }

    private void apply(Completion completion) {
        if (!completion.unacknowledged().records().isEmpty()) {
            retryLater(completion);
            return;
        }
        if (completion.run() != null) {
            finishedRuns.add(completion.run());
        }
        PartitionState partition = completion.partition();
        if (partitions.get(partition.partition()) == partition) {
            partition.finish(completion.offset());
        }
    }

    private void retryLater(Completion completion) {
        Outcome outcome = completion.unacknowledged();
        log.warn("{} of the {} outcome of job {} from {}@{} were not acknowledged; publishing them again in {}",
                outcome.records().size(), outcome.name(), outcome.jobId(), completion.partition().partition(),
                completion.offset(), retryBackoff, completion.failure());
        if (unacknowledged.isEmpty()) {
            nextRepublish = clock.instant().plus(retryBackoff);
        }
        unacknowledged.add(completion);
    }

    private void republishDue() {
        if (unacknowledged.isEmpty() || clock.instant().isBefore(nextRepublish)) {
            return;
        }
        List<Completion> due = List.copyOf(unacknowledged);
        unacknowledged.clear();
        due.forEach(retry -> publishFinal(retry.partition(), retry.offset(), retry.run(), retry.unacknowledged()));
    }
}
