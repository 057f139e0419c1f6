package dev.jobstream.processor.retry;

import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.Topics;
import dev.jobstream.processor.ProcessorProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The retry forwarder's thread. Each poll, for every partition with records, it forwards the records that are due
 * to the jobs topic, keyed by job id, until it meets one that is not: it then moves the partition back to that
 * record and pauses it until the record's {@code not_before}. It keeps polling meanwhile, with a timeout no longer
 * than the time to the next due record, so waiting never delays the group's heartbeats or polls and causes no
 * rebalance, and one partition's wait never holds up another. Offsets are committed after the forwarded records
 * were acknowledged; a record whose forwarding failed is read again after the retry backoff.
 */
final class RetryForwardLoop implements Runnable, ConsumerRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(RetryForwardLoop.class);
    private static final Duration SHORTEST_POLL = Duration.ofMillis(1);

    private final Consumer<String, byte[]> consumer;
    private final KafkaTemplate<String, byte[]> template;
    private final List<String> topics;
    private final Clock clock;
    private final ProcessorProperties properties;
    private final Map<TopicPartition, Instant> pausedUntil = new HashMap<>();
    private volatile boolean running = true;

    RetryForwardLoop(Consumer<String, byte[]> consumer, KafkaTemplate<String, byte[]> template, List<String> topics,
            Clock clock, ProcessorProperties properties) {
        this.consumer = consumer;
        this.template = template;
        this.topics = topics;
        this.clock = clock;
        this.properties = properties;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(topics, this);
            while (running) {
                forwardOnce();
            }
        } finally {
            close();
        }
    }

    private void forwardOnce() {
        try {
            resumeDue();
            ConsumerRecords<String, byte[]> records = consumer.poll(nextPollTimeout());
            if (!records.isEmpty()) {
                commit(acknowledged(forwardDue(records)));
            }
        } catch (RuntimeException failure) {
            log.error("Retry forwarder loop failed; going on in {}", properties.retryBackoff(), failure);
            pauseThread(properties.retryBackoff());
        }
    }

    private List<Forwarding> forwardDue(ConsumerRecords<String, byte[]> records) {
        List<Forwarding> sent = new ArrayList<>();
        Instant now = clock.instant();
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                Instant due = dueAt(record);
                if (due.isAfter(now)) {
                    holdUntil(partition, record.offset(), due);
                    break;
                }
                sent.add(new Forwarding(partition, record, send(record)));
            }
        }
        return sent;
    }

    private CompletableFuture<?> send(ConsumerRecord<String, byte[]> parked) {
        try {
            // The headers go along: they carry the job's trace.
            return template.send(new ProducerRecord<>(Topics.JOBS, null, parked.key(), parked.value(),
                    parked.headers()));
        } catch (RuntimeException notSent) {
            return CompletableFuture.failedFuture(notSent);
        }
    }

    /** The offsets after the records whose forwarding Kafka acknowledged, up to the first failure per partition. */
    private Map<TopicPartition, OffsetAndMetadata> acknowledged(List<Forwarding> sent) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new LinkedHashMap<>();
        Set<TopicPartition> failed = new HashSet<>();
        for (Forwarding forwarding : sent) {
            if (failed.contains(forwarding.partition())) {
                continue;
            }
            Throwable failure = forwarding.failure();
            if (failure == null) {
                log.debug("Forwarded job {} from {} to the jobs topic", forwarding.jobId(), forwarding.origin());
                offsets.put(forwarding.partition(), new OffsetAndMetadata(forwarding.record().offset() + 1));
            } else {
                failed.add(forwarding.partition());
                retryLater(forwarding, failure);
            }
        }
        return offsets;
    }

    private void retryLater(Forwarding forwarding, Throwable failure) {
        log.warn("Could not forward job {} from {}; trying again in {}", forwarding.jobId(), forwarding.origin(),
                properties.retryBackoff(), failure);
        Instant again = clock.instant().plus(properties.retryBackoff());
        holdUntil(forwarding.partition(), forwarding.record().offset(), again);
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets);
        } catch (KafkaException failure) {
            log.warn("Could not commit retry offsets {}; those jobs may be forwarded twice, and run once", offsets,
                    failure);
        }
    }

    private void holdUntil(TopicPartition partition, long offset, Instant due) {
        consumer.seek(partition, offset);
        consumer.pause(List.of(partition));
        pausedUntil.put(partition, due);
    }

    private void resumeDue() {
        Instant now = clock.instant();
        List<TopicPartition> due = pausedUntil.entrySet().stream()
                .filter(entry -> !entry.getValue().isAfter(now)).map(Map.Entry::getKey).toList();
        if (!due.isEmpty()) {
            due.forEach(pausedUntil::remove);
            consumer.resume(due);
        }
    }

    private Duration nextPollTimeout() {
        Instant now = clock.instant();
        return pausedUntil.values().stream().min(Instant::compareTo)
                .map(next -> Duration.between(now, next))
                .filter(untilNext -> untilNext.compareTo(properties.pollTimeout()) < 0)
                .map(untilNext -> untilNext.compareTo(SHORTEST_POLL) < 0 ? SHORTEST_POLL : untilNext)
                .orElse(properties.pollTimeout());
    }

    /** When a parked job is due: its {@code not_before}, or at once when it has none that can be read. */
    private Instant dueAt(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return Instant.EPOCH;
        }
        try {
            JsonNode notBefore = JobCodec.mapper().readTree(record.value()).path("not_before");
            return notBefore.isString() ? Instant.parse(notBefore.asString()) : Instant.EPOCH;
        } catch (JacksonException | DateTimeParseException unreadable) {
            return Instant.EPOCH;
        }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            log.info("Retry forwarder assigned {}", partitions);
        }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        partitions.forEach(pausedUntil::remove);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        partitions.forEach(pausedUntil::remove);
    }

    private void pauseThread(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void close() {
        try {
            consumer.close();
        } catch (KafkaException failure) {
            log.warn("Retry forwarder consumer did not close cleanly", failure);
        }
    }

    /** A record sent on to the jobs topic, and Kafka's answer. */
    private record Forwarding(TopicPartition partition, ConsumerRecord<String, byte[]> record,
            CompletableFuture<?> sent) {

        @Nullable Throwable failure() {
            return sent.handle((acknowledged, failure) -> failure).join();
        }

        @Nullable String jobId() {
            return record.key();
        }

        String origin() {
            return record.topic() + "-" + record.partition() + "@" + record.offset();
        }
    }
}
