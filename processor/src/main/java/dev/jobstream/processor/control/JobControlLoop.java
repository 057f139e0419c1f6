package dev.jobstream.processor.control;

import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.JobControl;
import dev.jobstream.contract.Topics;
import dev.jobstream.processor.ProcessorProperties;
import dev.jobstream.processor.tracing.JobScope;
import dev.jobstream.processor.tracing.JobTracing;
import io.micrometer.tracing.Span;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * The control reader's thread: assigns itself every partition of {@code job-control}, moves to the start of the
 * lookback, and hands each request to the {@link JobControlHandler}, in a span of the trace its record carries:
 * the trace of the request that asked for it. Records that are not control requests are skipped with a warning.
 */
final class JobControlLoop implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(JobControlLoop.class);

    private final Consumer<String, byte[]> consumer;
    private final JobControlHandler handler;
    private final Clock clock;
    private final ProcessorProperties properties;
    private final JobTracing tracing;
    private volatile boolean running = true;

    JobControlLoop(Consumer<String, byte[]> consumer, JobControlHandler handler, Clock clock,
            ProcessorProperties properties, JobTracing tracing) {
        this.consumer = consumer;
        this.handler = handler;
        this.clock = clock;
        this.properties = properties;
        this.tracing = tracing;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        try {
            while (running && !assignAll()) {
                pause();
            }
            while (running) {
                readOnce();
            }
        } finally {
            close();
        }
    }

    private boolean assignAll() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CONTROL).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            if (partitions.isEmpty()) {
                log.warn("Topic {} has no partitions yet; looking again in {}", Topics.CONTROL,
                        properties.retryBackoff());
                return false;
            }
            consumer.assign(partitions);
            seekToLookback(partitions);
            return true;
        } catch (KafkaException failure) {
            log.warn("Could not assign {}; trying again in {}", Topics.CONTROL, properties.retryBackoff(), failure);
            return false;
        }
    }

    private void seekToLookback(List<TopicPartition> partitions) {
        long since = clock.instant().minus(properties.controlLookback()).toEpochMilli();
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(partition -> times.put(partition, since));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times);
        List<TopicPartition> toEnd = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp offset = offsets.get(partition);
            if (offset == null) {
                toEnd.add(partition);
            } else {
                consumer.seek(partition, offset.offset());
            }
        }
        consumer.seekToEnd(toEnd);
        log.info("Reading {} from {} back", partitions, properties.controlLookback());
    }

    private void readOnce() {
        try {
            for (Request request : decode(consumer.poll(properties.pollTimeout()))) {
                apply(request);
            }
        } catch (RuntimeException failure) {
            log.error("Job control reader failed; going on in {}", properties.retryBackoff(), failure);
            pause();
        }
    }

    private void apply(Request request) {
        JobControl control = request.control();
        Span span = tracing.start(request.headers(), null);
        try (JobScope scope = tracing.open(span, control.jobId(), control.userId())) {
            handler.apply(List.of(control), () -> running);
        } finally {
            span.end();
        }
    }

    private List<Request> decode(ConsumerRecords<String, byte[]> records) {
        List<Request> requests = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                JobControl control = complete(JobCodec.mapper().readValue(record.value(), JobControl.class));
                requests.add(new Request(control, record.headers()));
            } catch (JacksonException | IllegalArgumentException notARequest) {
                log.warn("Record {}-{}@{} is not a job control request; skipped: {}", record.topic(),
                        record.partition(), record.offset(), notARequest.getMessage());
            }
        }
        return requests;
    }

    private static JobControl complete(JobControl request) {
        if (request.jobId() == null || request.action() == null || request.requestedAt() == null) {
            throw new IllegalArgumentException("job_id, action and requested_at are required");
        }
        return request;
    }

    private void pause() {
        try {
            Thread.sleep(properties.retryBackoff().toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void close() {
        try {
            consumer.close();
        } catch (KafkaException failure) {
            log.warn("Job control consumer did not close cleanly", failure);
        }
    }

    /** A control request and the headers of its record, which carry the trace it was asked for in. */
    private record Request(JobControl control, Headers headers) {
    }
}
