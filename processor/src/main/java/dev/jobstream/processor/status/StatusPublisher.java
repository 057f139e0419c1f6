package dev.jobstream.processor.status;

import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.JobStatusEvent;
import dev.jobstream.contract.Topics;
import dev.jobstream.processor.tracing.JobTracing;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes status events on {@code job-status}, keyed by job id so all events of a job stay in order, each in the
 * trace of its job, which the record's headers carry to the projector.
 */
@Component
public class StatusPublisher {

    private final KafkaTemplate<String, byte[]> template;
    private final JobCodec codec;
    private final JobTracing tracing;

    StatusPublisher(KafkaTemplate<String, byte[]> template, JobCodec codec, JobTracing tracing) {
        this.template = template;
        this.codec = codec;
        this.tracing = tracing;
    }

    /**
     * Sends an event.
     *
     * @return completes when Kafka acknowledged the event, or exceptionally when it could not be sent
     */
    public CompletableFuture<?> publish(JobStatusEvent event) {
        try {
            ProducerRecord<String, byte[]> record = recordOf(event);
            tracing.inject(record);
            return template.send(record);
        } catch (RuntimeException notSent) {
            return CompletableFuture.failedFuture(notSent);
        }
    }

    /** The record that carries an event, for publishing it as part of an outcome. */
    public ProducerRecord<String, byte[]> recordOf(JobStatusEvent event) {
        return new ProducerRecord<>(Topics.STATUS, event.jobId().toString(), codec.encode(event));
    }
}
