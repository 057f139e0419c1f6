package dev.jobstream.projector.intake;

import dev.jobstream.contract.Topics;
import dev.jobstream.projector.readmodel.JobChange;
import dev.jobstream.projector.readmodel.ReadModelProjector;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads the {@code jobs} topic and the {@code job-status} events with one consumer per thread, and writes each
 * poll's records to the read model as one batch.
 *
 * <p>Jobstream keys the records of both topics by job id, and both have as many partitions; the range assignor
 * gives a consumer the same partitions of each. So a job's record and its events are written by the same thread,
 * and two threads never wait for each other's lock on one job's row (a record published straight to Kafka under
 * another key is projected all the same, only maybe by another thread). One batch for both topics also halves the
 * transactions, and with them the waits on the aggregate rows that every batch updates.
 */
@Component
class ReadModelIntake {

    private final JobRecordReader jobRecords;
    private final StatusEventReader statusEvents;
    private final ReadModelProjector projector;

    ReadModelIntake(JobRecordReader jobRecords, StatusEventReader statusEvents, ReadModelProjector projector) {
        this.jobRecords = jobRecords;
        this.statusEvents = statusEvents;
        this.projector = projector;
    }

    @KafkaListener(id = "projector-intake", groupId = IntakeConfiguration.GROUP_ID,
            topics = {Topics.JOBS, Topics.STATUS})
    void onRecords(List<ConsumerRecord<String, byte[]>> records) {
        List<JobChange> changes = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            (Topics.JOBS.equals(record.topic()) ? jobRecords.read(record) : statusEvents.read(record))
                    .ifPresent(changes::add);
        }
        projector.project(changes);
    }
}
