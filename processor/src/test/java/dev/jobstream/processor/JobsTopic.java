package dev.jobstream.processor;

import dev.jobstream.contract.Topics;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;

/**
 * Publishes records on the jobs topic the way an outside program would, to a chosen partition.
 */
public final class JobsTopic implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public JobsTopic(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    /** Publishes a job keyed by its id; returns the record's offset. */
    public long publish(int partition, TestJob job) {
        return publish(partition, job.id().toString(), job.bytes());
    }

    /** Publishes any record; returns its offset. */
    public long publish(int partition, @Nullable String key, byte @Nullable [] value) {
        try {
            return producer.send(new ProducerRecord<>(Topics.JOBS, partition, key, value)).get().offset();
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
