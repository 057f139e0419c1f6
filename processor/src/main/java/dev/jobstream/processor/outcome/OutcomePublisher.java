package dev.jobstream.processor.outcome;

import dev.jobstream.processor.tracing.JobTracing;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes the records of outcomes, each to its own topic, in the trace of the job they are about.
 */
@Component
public class OutcomePublisher {

    private final KafkaTemplate<String, byte[]> template;
    private final JobTracing tracing;

    OutcomePublisher(KafkaTemplate<String, byte[]> template, JobTracing tracing) {
        this.template = template;
        this.tracing = tracing;
    }

    /**
     * Sends one record, carrying the current trace unless it carries one already.
     *
     * @return completes when Kafka acknowledged the record, or exceptionally when it could not be sent
     */
    public CompletableFuture<?> send(ProducerRecord<String, byte[]> record) {
        try {
            tracing.inject(record);
            return template.send(record);
        } catch (RuntimeException notSent) {
            return CompletableFuture.failedFuture(notSent);
        }
    }
}
