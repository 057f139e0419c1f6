package dev.jobstream.processor.execution;

import dev.jobstream.contract.InvalidJobRecordException;
import dev.jobstream.contract.JobError;
import dev.jobstream.contract.JobRecord;
import dev.jobstream.contract.JobStatus;
import dev.jobstream.contract.JobStatusEvent;
import dev.jobstream.contract.RecordOrigin;
import dev.jobstream.processor.WorkerId;
import dev.jobstream.processor.deadletter.DeadLetterRecords;
import dev.jobstream.processor.handler.JobFailedException;
import dev.jobstream.processor.outcome.Outcome;
import dev.jobstream.processor.retry.RetryBackoff;
import dev.jobstream.processor.retry.RetryTopics;
import dev.jobstream.processor.status.StatusPublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Turns what became of a record of the jobs topic into its outcome: the status event, plus the job record parked
 * in a retry topic for a retry, or put in the dead-letter queue for a dead job or a record that is not a valid job.
 * What follows a failure is {@link FailureOutcome}'s decision.
 */
@Component
public class AttemptOutcomes {

    private static final Logger log = LoggerFactory.getLogger(AttemptOutcomes.class);

    private final FailureOutcome failures;
    private final RetryBackoff backoff;
    private final RetryTopics retryTopics;
    private final DeadLetterRecords deadLetters;
    private final StatusPublisher status;
    private final WorkerId workerId;
    private final Clock clock;

    AttemptOutcomes(FailureOutcome failures, RetryBackoff backoff, RetryTopics retryTopics,
            DeadLetterRecords deadLetters, StatusPublisher status, WorkerId workerId, Clock clock) {
        this.failures = failures;
        this.backoff = backoff;
        this.retryTopics = retryTopics;
        this.deadLetters = deadLetters;
        this.status = status;
        this.workerId = workerId;
        this.clock = clock;
    }

    /** An attempt that succeeded. */
    public Outcome done(JobRecord job, Instant startedAt, @Nullable JsonNode result) {
        return ofEvent(JobStatusEvent.done(job, workerId.value(), startedAt, result, clock.instant()));
    }

    /** An attempt that threw: retried while it may be, else dead, or cancelled when that is why it stopped. */
    public Outcome failed(JobRecord job, RecordOrigin origin, Instant startedAt, Exception failure) {
        Instant failedAt = clock.instant();
        return switch (failures.after(job, failure)) {
            case RETRYING -> retrying(job, origin, startedAt, failure, failedAt);
            case CANCELLED -> cancelled(job, origin, startedAt, failure, failedAt);
            default -> dead(job, origin, startedAt, failure, failedAt);
        };
    }

    /** A record that is not a valid job: dead at once, with its value as it was read in the dead-letter queue. */
    public Outcome rejected(byte @Nullable [] value, RecordOrigin origin, InvalidJobRecordException invalid) {
        Instant now = clock.instant();
        JobStatus next = failures.afterInvalidRecord(invalid);
        log.error("Record {} is not a valid job and goes to the dead-letter queue as job {}", origin,
                invalid.jobId(), invalid);
        JobStatusEvent dead = JobStatusEvent.rejected(invalid, next, workerId.value(), now);
        return new Outcome(invalid.jobId(), next.wireName(),
                List.of(status.recordOf(dead), deadLetters.ofInvalidRecord(value, origin, invalid, now)));
    }

    /** A job whose {@code not_before} is further away than the shortest retry tier: it waits in a retry topic. */
    public Outcome deferred(JobRecord job, Duration wait) {
        return new Outcome(job.id(), "deferred", List.of(retryTopics.park(job, wait)));
    }

    private Outcome retrying(JobRecord job, RecordOrigin origin, Instant startedAt, Exception failure,
            Instant failedAt) {
        Duration wait = backoff.after(job.attempt());
        Instant nextAttemptAt = failedAt.plus(wait);
        if (failure instanceof JobFailedException expected) {
            log.warn("Job {} from {} failed in attempt {} of {}: {}; retrying at {}", job.id(), origin,
                    job.attempt(), job.maxRetries() + 1, expected.getMessage(), nextAttemptAt);
        } else {
            log.warn("Job {} from {} failed in attempt {} of {}; retrying at {}", job.id(), origin, job.attempt(),
                    job.maxRetries() + 1, nextAttemptAt, failure);
        }
        JobStatusEvent retrying = new JobStatusEvent(job.id(), job.userId(), job.type(), JobStatus.RETRYING,
                job.generation(), job.attempt(), job.maxRetries(), failedAt, workerId.value(), startedAt, null,
                JobError.of(failure), nextAttemptAt, job.traceId());
        JobRecord next = job.nextAttempt(nextAttemptAt, failedAt);
        return new Outcome(job.id(), JobStatus.RETRYING.wireName(),
                List.of(status.recordOf(retrying), retryTopics.park(next, wait)));
    }

    private Outcome dead(JobRecord job, RecordOrigin origin, Instant startedAt, Exception failure, Instant failedAt) {
        if (failure instanceof JobFailedException expected) {
            log.error("Job {} from {} failed in attempt {} of {}: {}; it goes to the dead-letter queue", job.id(),
                    origin, job.attempt(), job.maxRetries() + 1, expected.getMessage());
        } else {
            log.error("Job {} from {} failed in attempt {} of {} and goes to the dead-letter queue", job.id(),
                    origin, job.attempt(), job.maxRetries() + 1, failure);
        }
        JobStatusEvent dead = JobStatusEvent.ended(job, JobStatus.DEAD, workerId.value(), startedAt,
                JobError.of(failure), failedAt);
        return new Outcome(job.id(), JobStatus.DEAD.wireName(),
                List.of(status.recordOf(dead), deadLetters.ofJob(job, failure, failedAt)));
    }

    private Outcome cancelled(JobRecord job, RecordOrigin origin, Instant startedAt, Exception failure,
            Instant failedAt) {
        log.debug("Job {} from {} stopped in attempt {}: {}", job.id(), origin, job.attempt(), failure.getMessage());
        return ofEvent(JobStatusEvent.ended(job, JobStatus.CANCELLED, workerId.value(), startedAt,
                JobError.of(failure), failedAt));
    }

    private Outcome ofEvent(JobStatusEvent event) {
        return new Outcome(event.jobId(), event.status().wireName(), List.of(status.recordOf(event)));
    }
}
