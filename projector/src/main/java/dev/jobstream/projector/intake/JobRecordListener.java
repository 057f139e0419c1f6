package dev.jobstream.projector.intake;

import dev.jobstream.contract.InvalidJobRecordException;
import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.RecordOrigin;
import dev.jobstream.contract.Topics;
import dev.jobstream.projector.readmodel.JobChange;
import dev.jobstream.projector.readmodel.JobSubmitted;
import dev.jobstream.projector.readmodel.ReadModelProjector;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Projects the records of the {@code jobs} topic: each valid one fills in its job's details.
 *
 * <p>A record that is not a valid job is skipped here; the processor reports it as a failed job, and that
 * status event creates its row.
 */
@Component
class JobRecordListener {

    private static final Logger log = LoggerFactory.getLogger(JobRecordListener.class);

    private final JobCodec codec;
    private final ReadModelProjector projector;

    JobRecordListener(JobCodec codec, ReadModelProjector projector) {
        this.codec = codec;
        this.projector = projector;
    }

    @KafkaListener(id = "projector-jobs", groupId = IntakeConfiguration.GROUP_ID, topics = Topics.JOBS)
    void onJobRecords(List<ConsumerRecord<String, byte[]>> records) {
        List<JobChange> changes = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            RecordOrigin origin = new RecordOrigin(record.topic(), record.partition(), record.offset(),
                    Instant.ofEpochMilli(record.timestamp()));
            try {
                changes.add(new JobSubmitted(codec.decodeJob(record.value(), origin)));
            } catch (InvalidJobRecordException invalid) {
                log.debug("Skipping invalid job record {} for job {}: {}", origin, invalid.jobId(),
                        invalid.getMessage());
            }
        }
        projector.project(changes);
    }
}
