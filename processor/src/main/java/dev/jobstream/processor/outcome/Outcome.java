package dev.jobstream.processor.outcome;

import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What ends one record of the jobs topic: the records to publish, typically the job's final status event and, for
 * a retry or a dead job, the job record that carries it on to a retry topic or the dead-letter queue. The jobs
 * record counts as finished only once Kafka acknowledged every one of them.
 *
 * @param jobId the job
 * @param name what the outcome is, for logs: a status such as {@code retrying}, or {@code deferred}
 * @param records the records to publish
 */
public record Outcome(UUID jobId, String name, List<ProducerRecord<String, byte[]>> records) {

    public Outcome {
        records = List.copyOf(records);
    }

    /** The same outcome with only some of its records, for publishing again those Kafka did not acknowledge. */
    public Outcome withOnly(List<ProducerRecord<String, byte[]>> remaining) {
        return new Outcome(jobId, name, remaining);
    }
}
