package dev.jobstream.processor.consumption;

import dev.jobstream.contract.InvalidJobRecordException;
import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.JobIds;
import dev.jobstream.contract.JobRecord;
import dev.jobstream.contract.RecordOrigin;
import dev.jobstream.processor.claim.Claims;
import dev.jobstream.processor.claim.JobClaims;
import dev.jobstream.processor.claim.JobRunKey;
import dev.jobstream.processor.execution.AttemptOutcomes;
import dev.jobstream.processor.execution.JobRun;
import dev.jobstream.processor.execution.JobRunner;
import dev.jobstream.processor.execution.JobTimer;
import dev.jobstream.processor.outcome.Outcome;
import dev.jobstream.processor.slot.SlotGate;
import dev.jobstream.processor.tracing.JobScope;
import dev.jobstream.processor.tracing.JobTracing;
import io.micrometer.tracing.Span;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * Turns the records of one poll into work. Records that are not valid jobs go to the dead-letter queue; jobs whose
 * {@code not_before} is further away than the shortest retry tier wait in a retry topic; the others are claimed
 * together, in one statement that also finds cancelled jobs, and the claimed ones go to the workers, at their
 * {@code not_before} when that is moments away, through the {@link SlotGate} once a slot of their user is free.
 * A job that ran already, runs elsewhere or was cancelled is skipped and counts as finished. A partition never
 * holds more than {@code jobstream.processor.max-in-flight-per-partition} unfinished records. Each record is
 * handled in a span of its job's trace ({@link JobTracing}), which goes with the job to its worker.
 */
final class RecordDispatcher {

    private static final Logger log = LoggerFactory.getLogger(RecordDispatcher.class);

    private final Consumer<?, ?> consumer;
    private final InFlightRecords inFlight;
    private final JobCodec codec;
    private final JobClaims claims;
    private final JobRunner runner;
    private final AttemptOutcomes outcomes;
    private final Executor workers;
    private final SlotGate slots;
    private final JobTimer timer;
    private final Clock clock;
    private final Limits limits;
    private final JobTracing tracing;

    RecordDispatcher(Consumer<?, ?> consumer, InFlightRecords inFlight, JobCodec codec, JobClaims claims,
            JobRunner runner, AttemptOutcomes outcomes, Executor workers, SlotGate slots, JobTimer timer, Clock clock,
            Limits limits, JobTracing tracing) {
        this.consumer = consumer;
        this.inFlight = inFlight;
        this.codec = codec;
        this.claims = claims;
        this.runner = runner;
        this.outcomes = outcomes;
        this.workers = workers;
        this.slots = slots;
        this.timer = timer;
        this.clock = clock;
        this.limits = limits;
        this.tracing = tracing;
    }

    /**
     * The bounds the dispatcher works within.
     *
     * @param maxInFlightPerPartition unfinished records of one partition before it is paused
     * @param longestHold the furthest {@code not_before} a job is held in memory for rather than parked in a retry
     *     topic: the shortest retry tier
     */
    record Limits(int maxInFlightPerPartition, Duration longestHold) {
    }

    /**
     * Dispatches the records of one poll.
     *
     * @return {@code false} when the jobs could not be claimed; the partitions were then rewound to read the
     *     records again
     */
    boolean dispatch(ConsumerRecords<String, byte[]> records) {
        List<Arrival> arrivals = new ArrayList<>();
        for (TopicPartition owned : records.partitions()) {
            PartitionState partition = inFlight.get(owned);
            if (partition == null) {
                throw new IllegalStateException("Records from unassigned partition " + owned);
            }
            for (ConsumerRecord<String, byte[]> record : withinBound(partition, records.records(owned))) {
                arrivals.add(decode(partition, record));
            }
        }
        Claims answer;
        try {
            answer = claims.claim(keysToClaim(arrivals));
        } catch (DataAccessException failure) {
            rewind(records, failure);
            return false;
        }
        arrivals.forEach(arrival -> handle(arrival, answer));
        return true;
    }

    /**
     * The records a partition has room for; the rest are read again once it has room, from a paused partition
     * that the poll loop resumes when its unfinished records drop below the bound.
     */
    private List<ConsumerRecord<String, byte[]>> withinBound(PartitionState partition,
            List<ConsumerRecord<String, byte[]>> polled) {
        int room = Math.max(0, limits.maxInFlightPerPartition() - partition.unfinished());
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

    private Arrival decode(PartitionState partition, ConsumerRecord<String, byte[]> record) {
        Instant written = record.timestamp() >= 0 ? Instant.ofEpochMilli(record.timestamp()) : clock.instant();
        RecordOrigin origin = new RecordOrigin(record.topic(), record.partition(), record.offset(), written);
        try {
            JobRecord job = codec.decodeJob(record.value(), origin);
            boolean parked = untilDue(job).compareTo(limits.longestHold()) > 0;
            return new Arrival(partition, origin, record.value(), record.headers(), job, null, parked);
        } catch (InvalidJobRecordException invalid) {
            return new Arrival(partition, origin, record.value(), record.headers(), null, invalid, false);
        } catch (RuntimeException unreadable) {
            // A record the codec trips over is still a record that is not a valid job; it must not stop the batch.
            InvalidJobRecordException invalid = new InvalidJobRecordException(
                    "record could not be read: " + unreadable, derivedId(origin), null, null);
            return new Arrival(partition, origin, record.value(), record.headers(), null, invalid, false);
        }
    }

    private static UUID derivedId(RecordOrigin origin) {
        return JobIds.forRecord(origin.topic(), origin.partition(), origin.offset());
    }

    private Set<JobRunKey> keysToClaim(List<Arrival> arrivals) {
        Set<JobRunKey> keys = new LinkedHashSet<>();
        arrivals.stream().filter(arrival -> !arrival.parked()).forEach(arrival -> keys.add(arrival.key()));
        return keys;
    }

    private void handle(Arrival arrival, Claims answer) {
        arrival.partition().track(arrival.origin().offset());
        Span span = tracing.start(arrival.headers(), arrival.job());
        boolean started = false;
        try (JobScope scope = open(span, arrival)) {
            started = handle(arrival, answer, span);
        } finally {
            if (!started) {
                span.end();
            }
        }
    }

    private JobScope open(Span span, Arrival arrival) {
        JobRecord job = arrival.job();
        InvalidJobRecordException invalid = arrival.invalid();
        if (job != null) {
            return tracing.open(span, job);
        }
        return invalid != null ? tracing.open(span, invalid.jobId(), invalid.userId()) : tracing.open(span);
    }

    /** Handles a record in its span; returns whether its job started, the run then owning the span. */
    private boolean handle(Arrival arrival, Claims answer, Span span) {
        InvalidJobRecordException invalid = arrival.invalid();
        if (invalid != null) {
            reject(arrival, invalid, answer);
            return false;
        }
        if (arrival.job() == null) {
            throw new IllegalStateException("Record " + arrival.origin() + " is neither a job nor invalid");
        }
        JobRecord job = tracing.traced(arrival.job(), span);
        if (arrival.parked()) {
            defer(arrival, job);
        } else if (answer.isCancelled(arrival.key())) {
            skip(arrival, "its job was cancelled");
        } else if (!answer.take(arrival.key())) {
            skip(arrival, "attempt " + job.attempt() + " ran already or is running");
        } else {
            start(arrival, job, span);
            return true;
        }
        return false;
    }

    private void reject(Arrival arrival, InvalidJobRecordException invalid, Claims answer) {
        if (!answer.take(arrival.key())) {
            skip(arrival, "it was dead-lettered already");
            return;
        }
        publish(arrival, outcomes.rejected(arrival.value(), arrival.origin(), invalid));
    }

    private void defer(Arrival arrival, JobRecord job) {
        Duration wait = untilDue(job);
        log.debug("Job {} from {} is due at {}; it waits in a retry topic", job.id(), arrival.origin(),
                job.notBefore());
        inFlight.publishFinal(arrival.partition(), arrival.origin().offset(), null, outcomes.deferred(job, wait));
    }

    private void skip(Arrival arrival, String reason) {
        log.debug("Record {} of job {} skipped: {}", arrival.origin(), arrival.key().jobId(), reason);
        arrival.partition().finish(arrival.origin().offset());
    }

    private void start(Arrival arrival, JobRecord job, Span span) {
        JobRun run = runner.prepare(job, arrival.origin(), span, outcome -> publish(arrival, outcome));
        arrival.partition().running(arrival.origin().offset(), run);
        Duration wait = untilDue(job);
        if (wait.isZero()) {
            slots.execute(run, workers);
        } else {
            timer.after(wait, () -> slots.execute(run, workers));
        }
    }

    private void publish(Arrival arrival, Outcome outcome) {
        inFlight.publishFinal(arrival.partition(), arrival.origin().offset(), arrival.key(), outcome);
    }

    private Duration untilDue(JobRecord job) {
        Instant now = clock.instant();
        return job.notBefore() == null || !job.notBefore().isAfter(now) ? Duration.ZERO
                : Duration.between(now, job.notBefore());
    }

    private void rewind(ConsumerRecords<String, byte[]> records, DataAccessException failure) {
        log.warn("Could not claim the jobs of {} records; reading them again", records.count(), failure);
        for (TopicPartition partition : records.partitions()) {
            consumer.seek(partition, records.records(partition).get(0).offset());
        }
    }

    /**
     * A record read from the jobs topic: a job, or the reason it is not one.
     *
     * @param partition the partition's state when it was read
     * @param origin where it was read
     * @param value its value as it was read
     * @param headers its headers, which carry its trace
     * @param job the job, when it is one
     * @param invalid why it is not a job, when it is not
     * @param parked whether the job is due too late to hold in memory, and waits in a retry topic instead
     */
    private record Arrival(PartitionState partition, RecordOrigin origin, byte @Nullable [] value, Headers headers,
            @Nullable JobRecord job, @Nullable InvalidJobRecordException invalid, boolean parked) {

        /**
         * The claim that makes the attempt run once: a job's attempt, or for a record that is not a valid job an id
         * derived from its place in the log, so that it is dead-lettered once however often it is read.
         */
        JobRunKey key() {
            return job != null ? JobRunKey.of(job) : new JobRunKey(derivedId(origin), 0, 0);
        }
    }
}
