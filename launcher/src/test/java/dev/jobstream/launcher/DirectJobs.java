package dev.jobstream.launcher;

import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.JobIds;
import dev.jobstream.contract.Topics;
import dev.jobstream.testsupport.TestInfrastructure;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.node.ObjectNode;

/**
 * Publishes jobs straight to the {@code jobs} topic, as a program without the REST API does: for tests that need
 * more jobs of one user than the gateway's per-user rate limits let through.
 */
final class DirectJobs implements AutoCloseable {

    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all"),
            new StringSerializer(), new StringSerializer());

    /** Publishes a job of type {@code default} for the user, without waiting for the broker; returns its id. */
    String publishDefaultJob(String userId) {
        UUID id = JobIds.newId();
        ObjectNode record = JobCodec.mapper().createObjectNode()
                .put("id", id.toString())
                .put("user_id", userId)
                .put("created_at", Instant.now().toString());
        record.putObject("payload").put("type", "default");
        producer.send(new ProducerRecord<>(Topics.JOBS, id.toString(), record.toString()));
        return id.toString();
    }

    @Override
    public void close() {
        producer.close();
    }
}
