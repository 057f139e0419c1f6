package dev.jobstream.gateway;

import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.JobControl;
import dev.jobstream.contract.JobRecord;
import dev.jobstream.contract.JobRules;
import dev.jobstream.contract.PayloadLimits;
import dev.jobstream.contract.RecordOrigin;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic of the test Kafka with a plain consumer, independent of the gateway.
 */
public final class TopicReader {

    private static final JobCodec CODEC = new JobCodec(new JobRules(PayloadLimits.DEFAULTS));

    private final String bootstrapServers;
    private final String topic;

    public TopicReader(String bootstrapServers, String topic) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
    }

    /** Every record on the topic right now. */
    public List<ConsumerRecord<String, byte[]>> allRecords() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(partition.topic(), partition.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The records keyed by a job id. */
    public List<ConsumerRecord<String, byte[]>> recordsOf(String jobId) {
        return allRecords().stream().filter(record -> jobId.equals(record.key())).toList();
    }

    /** The job records keyed by a job id, decoded. */
    public List<JobRecord> jobRecordsOf(Object jobId) {
        return recordsOf(jobId.toString()).stream().map(record -> CODEC.decodeJob(record.value(),
                new RecordOrigin(record.topic(), record.partition(), record.offset(),
                        Instant.ofEpochMilli(record.timestamp())))).toList();
    }

    /** The control requests keyed by a job id, decoded. */
    public List<JobControl> controlsOf(Object jobId) {
        return recordsOf(jobId.toString()).stream()
                .map(record -> JobCodec.mapper().readValue(record.value(), JobControl.class)).toList();
    }

    private Properties consumerProperties() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return properties;
    }
}
