package dev.jobstream.processor.consumption;

import dev.jobstream.contract.InvalidJobRecordException;
import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.JobIds;
import dev.jobstream.contract.JobRecord;
import dev.jobstream.contract.JobStatus;
import dev.jobstream.contract.JobStatusEvent;
import dev.jobstream.contract.RecordOrigin;
import dev.jobstream.processor.WorkerId;
import dev.jobstream.processor.claim.JobClaims;
import dev.jobstream.processor.claim.JobRunKey;
import dev.jobstream.processor.execution.JobRun;
import dev.jobstream.processor.execution.JobRunner;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * Turns the records of one poll into work: records that are not valid jobs are reported failed, the jobs are
 * claimed together, and the claimed ones go to the workers. A job that ran already, or runs elsewhere, is
 * skipped and counts as finished. A partition never holds more than
 * {@code jobstream.processor.max-in-flight-per-partition} unfinished records.
 */
final class RecordDispatcher {

    private static final Logger log = LoggerFactory.getLogger(RecordDispatcher.class);

    private final Consumer<?, ?> consumer;
    private final InFlightRecords inFlight;
    private final JobCodec codec;
    private final JobClaims claims;
    private final JobRunner runner;
    private final Executor workers;
    private final WorkerId workerId;
    private final Clock clock;
    private final int maxInFlightPerPartition;

    RecordDispatcher(Consumer<?, ?> consumer, InFlightRecords inFlight, JobCodec codec, JobClaims claims,
            JobRunner runner, Executor workers, WorkerId workerId, Clock clock, int maxInFlightPerPartition) {
        this.consumer = consumer;
        this.inFlight = inFlight;
        this.codec = codec;
        this.claims = claims;
        this.runner = runner;
        this.workers = workers;
        this.workerId = workerId;
        this.clock = clock;
        this.maxInFlightPerPartition = maxInFlightPerPartition;
    }

    /**
     * Dispatches the records of one poll.
     *
     * @return {@code false} when the jobs could not be claimed; the partitions were then rewound to read the
     *     records again
     */
    boolean dispatch(ConsumerRecords<String, byte[]> records) {
        List<Arrival> jobs = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        for (TopicPartition owned : records.partitions()) {
            PartitionState partition = inFlight.get(owned);
            if (partition == null) {
                throw new IllegalStateException("Records from unassigned partition " + owned);
            }
            for (ConsumerRecord<String, byte[]> record : withinBound(partition, records.records(owned))) {
                decode(partition, record, jobs, rejections);
            }
        }
        Set<JobRunKey> claimed;
        try {
            claimed = new HashSet<>(claims.claim(distinctKeys(jobs)));
        } catch (DataAccessException failure) {
            rewind(records, failure);
            return false;
        }
        rejections.forEach(this::reject);
        jobs.forEach(job -> start(job, claimed));
        return true;
    }

    /**
     * The records a partition has room for; the rest are read again once it has room, from a paused partition
     * that the poll loop resumes when its unfinished records drop below the bound.
     */
    private List<ConsumerRecord<String, byte[]>> withinBound(PartitionState partition,
            List<ConsumerRecord<String, byte[]>> polled) {
        int room = Math.max(0, maxInFlightPerPartition - partition.unfinished());
        if (polled.size() <= room) {
            return polled;
        }
        long heldBack = polled.get(room).offset();
        log.debug("{} is full with {} unfinished records; reading again from offset {} once it has room",
                partition.partition(), partition.unfinished() + room, heldBack);
        consumer.seek(partition.partition(), heldBack);
        consumer.pause(List.of(partition.partition()));
        return polled.subList(0, room);
    }

    private void decode(PartitionState partition, ConsumerRecord<String, byte[]> record, List<Arrival> jobs,
            List<Rejection> rejections) {
        Instant written = record.timestamp() >= 0 ? Instant.ofEpochMilli(record.timestamp()) : clock.instant();
        RecordOrigin origin = new RecordOrigin(record.topic(), record.partition(), record.offset(), written);
        try {
            jobs.add(new Arrival(partition, origin, codec.decodeJob(record.value(), origin)));
        } catch (InvalidJobRecordException invalid) {
            rejections.add(new Rejection(partition, origin, invalid));
        } catch (RuntimeException unreadable) {
            // A record the codec trips over is still a record that is not a valid job; it must not stop the batch.
            rejections.add(new Rejection(partition, origin, new InvalidJobRecordException(
                    "record could not be read: " + unreadable, derivedId(origin), null, null)));
        }
    }

    private static UUID derivedId(RecordOrigin origin) {
        return JobIds.forRecord(origin.topic(), origin.partition(), origin.offset());
    }

    private static Set<JobRunKey> distinctKeys(List<Arrival> jobs) {
        Set<JobRunKey> keys = new LinkedHashSet<>();
        jobs.forEach(job -> keys.add(JobRunKey.of(job.job())));
        return keys;
    }

    private void reject(Rejection rejection) {
        RecordOrigin origin = rejection.origin();
        log.warn("Record {} is not a valid job: {}", origin, rejection.reason().getMessage());
        rejection.partition().track(origin.offset());
        JobStatusEvent failed = JobStatusEvent.rejected(rejection.reason(), JobStatus.FAILED, workerId.value(),
                clock.instant());
        inFlight.publishFinal(rejection.partition(), origin.offset(), null, failed);
    }

    private void start(Arrival arrival, Set<JobRunKey> claimed) {
        PartitionState partition = arrival.partition();
        long offset = arrival.origin().offset();
        JobRunKey key = JobRunKey.of(arrival.job());
        partition.track(offset);
        if (!claimed.remove(key)) {
            log.debug("Job {} from {} skipped: attempt {} ran already or is running", key.jobId(), arrival.origin(),
                    key.attempt());
            partition.finish(offset);
            return;
        }
        JobRun run = runner.prepare(arrival.job(), arrival.origin(),
                outcome -> inFlight.publishFinal(partition, offset, key, outcome));
        partition.running(offset, run);
        workers.execute(run);
    }

    private void rewind(ConsumerRecords<String, byte[]> records, DataAccessException failure) {
        log.warn("Could not claim the jobs of {} records; reading them again", records.count(), failure);
        for (TopicPartition partition : records.partitions()) {
            consumer.seek(partition, records.records(partition).get(0).offset());
        }
    }

    private record Arrival(PartitionState partition, RecordOrigin origin, JobRecord job) {
    }

    private record Rejection(PartitionState partition, RecordOrigin origin, InvalidJobRecordException reason) {
    }
}
