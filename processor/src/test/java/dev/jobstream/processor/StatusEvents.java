package dev.jobstream.processor;

import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.JobRules;
import dev.jobstream.contract.JobStatus;
import dev.jobstream.contract.JobStatusEvent;
import dev.jobstream.contract.PayloadLimits;
import dev.jobstream.contract.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every event on the job-status topic in the background, so tests can look up the events of the jobs
 * they published; other tests' jobs share the topic and are told apart by id.
 */
public final class StatusEvents implements AutoCloseable {

    private static final JobCodec CODEC = new JobCodec(new JobRules(PayloadLimits.DEFAULTS));

    private final Queue<JobStatusEvent> events = new ConcurrentLinkedQueue<>();
    private final Thread reader;
    private volatile boolean open = true;

    public StatusEvents(String bootstrapServers) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.STATUS).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        reader = new Thread(() -> read(consumer), "status-events");
        reader.start();
    }

    /** The events of a job so far, in the order they were published. */
    public List<JobStatusEvent> of(UUID jobId) {
        return events.stream().filter(event -> event.jobId().equals(jobId)).toList();
    }

    /** The events of a job with a status. */
    public List<JobStatusEvent> of(UUID jobId, JobStatus status) {
        return of(jobId).stream().filter(event -> event.status() == status).toList();
    }

    /** The one event of a job with a status, once there is one. */
    public Optional<JobStatusEvent> first(UUID jobId, JobStatus status) {
        return of(jobId, status).stream().findFirst();
    }

    private void read(KafkaConsumer<String, byte[]> consumer) {
        try (consumer) {
            while (open) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    events.add(CODEC.decodeEvent(record.value()));
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        open = false;
        reader.join();
    }
}
