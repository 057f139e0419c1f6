package dev.jobstream.projector.intake;

import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.JobStatusEvent;
import dev.jobstream.projector.readmodel.JobChange;
import dev.jobstream.projector.readmodel.StatusChanged;
import dev.jobstream.projector.tracing.RecordScope;
import dev.jobstream.projector.tracing.RecordTracing;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the events of the {@code job-status} topic: each one moves its job forward, if it is not late, and
 * joins the job's history. An event is logged, at DEBUG, in a span of its job's trace; with no exporter a span
 * serves only its log lines, so none is opened while DEBUG is off: it took a seventh of the projector's time.
 */
@Component
class StatusEventReader {

    private static final Logger log = LoggerFactory.getLogger(StatusEventReader.class);

    private final JobCodec codec;
    private final RecordTracing tracing;

    StatusEventReader(JobCodec codec, RecordTracing tracing) {
        this.codec = codec;
        this.tracing = tracing;
    }

    /** The change an event makes, or nothing when the record is not one; such a record is skipped. */
    Optional<JobChange> read(ConsumerRecord<String, byte[]> record) {
        return decode(record).map(event -> {
            if (log.isDebugEnabled()) {
                try (RecordScope scope = tracing.open(record.headers(), event.jobId(), event.userId(),
                        event.traceId())) {
                    log.debug("Job {} is {} (generation {}, attempt {}) at {}-{}@{}", event.jobId(),
                            event.status().wireName(), event.generation(), event.attempt(), record.topic(),
                            record.partition(), record.offset());
                }
            }
            return new StatusChanged(event);
        });
    }

    private Optional<JobStatusEvent> decode(ConsumerRecord<String, byte[]> record) {
        try {
            JobStatusEvent event = codec.decodeEvent(record.value());
            if (isComplete(event)) {
                return Optional.of(event);
            }
            log.warn("Skipping status event without job id, status or time at {}-{}@{}", record.topic(),
                    record.partition(), record.offset());
        } catch (RuntimeException undecodable) {
            log.warn("Skipping undecodable status event at {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), undecodable.toString());
        }
        return Optional.empty();
    }

    /** Whether the JSON named what every event needs; the record's types alone do not guarantee it. */
    private static boolean isComplete(JobStatusEvent event) {
        return event.jobId() != null && event.status() != null && event.occurredAt() != null;
    }
}
