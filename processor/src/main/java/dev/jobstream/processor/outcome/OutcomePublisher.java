package dev.jobstream.processor.outcome;

import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes the records of outcomes, each to its own topic.
 */
@Component
public class OutcomePublisher {

    private final KafkaTemplate<String, byte[]> template;

    OutcomePublisher(KafkaTemplate<String, byte[]> template) {
        this.template = template;
    }

    /**
     * Sends one record.
     *
     * @return completes when Kafka acknowledged the record, or exceptionally when it could not be sent
     */
    public CompletableFuture<?> send(ProducerRecord<String, byte[]> record) {
        try {
            return template.send(record);
        } catch (RuntimeException notSent) {
            return CompletableFuture.failedFuture(notSent);
        }
    }
}
