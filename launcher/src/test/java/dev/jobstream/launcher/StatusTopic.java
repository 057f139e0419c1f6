package dev.jobstream.launcher;

import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.Topics;
import dev.jobstream.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

/**
 * Reads the {@code job-status} topic from its start, as any program following jobs may.
 */
final class StatusTopic {

    private StatusTopic() {
    }

    /** How many events of the job on the topic match. */
    static long count(String jobId, Predicate<JsonNode> matching) {
        String bootstrap = TestInfrastructure.shared().bootstrapServers();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.STATUS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long count = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (jobId.equals(record.key()) && matching.test(JobCodec.mapper().readTree(record.value()))) {
                        count++;
                    }
                }
            }
            return count;
        }
    }

    /** Whether an event is a {@code running} event of the given generation. */
    static Predicate<JsonNode> runningIn(int generation) {
        return event -> "running".equals(event.path("status").asString())
                && event.path("generation").asInt() == generation;
    }
}
