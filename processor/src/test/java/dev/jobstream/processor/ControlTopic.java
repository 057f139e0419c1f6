package dev.jobstream.processor;

import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.JobControl;
import dev.jobstream.contract.Topics;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes control requests on job-control the way the gateway does.
 */
public final class ControlTopic implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public ControlTopic(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    /** Asks to cancel a job, as a requester that saw it at an attempt of generation 0; returns the request. */
    public JobControl cancel(UUID jobId, int attempt) {
        return publish(request(jobId, JobControl.Action.CANCEL, attempt));
    }

    /** Asks to discard a dead job, as a requester that saw it at an attempt of generation 0. */
    public JobControl discard(UUID jobId, int attempt) {
        return publish(request(jobId, JobControl.Action.DISCARD, attempt));
    }

    /** Publishes any value on the topic. */
    public void publishRaw(String key, byte[] value) {
        send(new ProducerRecord<>(Topics.CONTROL, key, value));
    }

    private static JobControl request(UUID jobId, JobControl.Action action, int attempt) {
        return new JobControl(jobId, "test-user", action, 0, attempt, Instant.now(), "test-operator");
    }

    private JobControl publish(JobControl request) {
        send(new ProducerRecord<>(Topics.CONTROL, request.jobId().toString(),
                JobCodec.mapper().writeValueAsBytes(request)));
        return request;
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        } catch (ExecutionException failed) {
            throw new IllegalStateException(failed.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
