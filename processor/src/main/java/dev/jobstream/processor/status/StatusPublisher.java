package dev.jobstream.processor.status;

import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.JobStatusEvent;
import dev.jobstream.contract.Topics;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes status events on {@code job-status}, keyed by job id so all events of a job stay in order.
 */
@Component
public class StatusPublisher {

    private final KafkaTemplate<String, byte[]> template;
    private final JobCodec codec;

    StatusPublisher(KafkaTemplate<String, byte[]> template, JobCodec codec) {
        this.template = template;
        this.codec = codec;
    }

    /**
     * Sends an event.
     *
     * @return completes when Kafka acknowledged the event, or exceptionally when it could not be sent
     */
    public CompletableFuture<?> publish(JobStatusEvent event) {
        try {
            return template.send(recordOf(event));
        } catch (RuntimeException notSent) {
            return CompletableFuture.failedFuture(notSent);
        }
    }

    /** The record that carries an event, for publishing it as part of an outcome. */
    public ProducerRecord<String, byte[]> recordOf(JobStatusEvent event) {
        return new ProducerRecord<>(Topics.STATUS, event.jobId().toString(), codec.encode(event));
    }
}
