package dev.jobstream.processor;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every record of one topic in the background, from its beginning, so tests can look up the records of the
 * jobs they published by key.
 */
public final class TopicReader implements AutoCloseable {

    private final Queue<ConsumerRecord<String, byte[]>> records = new ConcurrentLinkedQueue<>();
    private final Thread reader;
    private volatile boolean open = true;

    public TopicReader(String bootstrapServers, String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        reader = new Thread(() -> read(consumer), "topic-reader-" + topic);
        reader.start();
    }

    /** The records with a key so far, in the order of their partition. */
    public List<ConsumerRecord<String, byte[]>> withKey(String key) {
        return records.stream().filter(record -> Objects.equals(record.key(), key)).toList();
    }

    private void read(KafkaConsumer<String, byte[]> consumer) {
        try (consumer) {
            while (open) {
                consumer.poll(Duration.ofMillis(50)).forEach(records::add);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        open = false;
        reader.join();
    }
}
