package dev.jobstream.projector.intake;

import dev.jobstream.contract.InvalidJobRecordException;
import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.JobRecord;
import dev.jobstream.contract.RecordOrigin;
import dev.jobstream.projector.readmodel.JobChange;
import dev.jobstream.projector.readmodel.JobSubmitted;
import dev.jobstream.projector.tracing.RecordScope;
import dev.jobstream.projector.tracing.RecordTracing;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the records of the {@code jobs} topic: each valid one fills in its job's details.
 *
 * <p>A record that is not a valid job is skipped here; the processor reports it as a failed job, and that
 * status event creates its row. A record is logged, at DEBUG, in a span of its job's trace, opened only while
 * DEBUG is on.
 */
@Component
class JobRecordReader {

    private static final Logger log = LoggerFactory.getLogger(JobRecordReader.class);

    private final JobCodec codec;
    private final RecordTracing tracing;

    JobRecordReader(JobCodec codec, RecordTracing tracing) {
        this.codec = codec;
        this.tracing = tracing;
    }

    /** The change a record of the {@code jobs} topic makes, or nothing when it is not a valid job. */
    Optional<JobChange> read(ConsumerRecord<String, byte[]> record) {
        RecordOrigin origin = new RecordOrigin(record.topic(), record.partition(), record.offset(),
                Instant.ofEpochMilli(record.timestamp()));
        try {
            return Optional.of(submitted(record, codec.decodeJob(record.value(), origin)));
        } catch (InvalidJobRecordException invalid) {
            if (log.isDebugEnabled()) {
                try (RecordScope scope = tracing.open(record.headers(), invalid.jobId(), invalid.userId(), null)) {
                    log.debug("Skipping invalid job record {} for job {}: {}", origin, invalid.jobId(),
                            invalid.getMessage());
                }
            }
            return Optional.empty();
        }
    }

    private JobSubmitted submitted(ConsumerRecord<String, byte[]> record, JobRecord job) {
        if (log.isDebugEnabled()) {
            try (RecordScope scope = tracing.open(record.headers(), job.id(), job.userId(), job.traceId())) {
                log.debug("Job {} generation {}, attempt {}, read at {}-{}@{}", job.id(), job.generation(),
                        job.attempt(), record.topic(), record.partition(), record.offset());
            }
        }
        return new JobSubmitted(job);
    }
}
