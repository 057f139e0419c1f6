package dev.jobstream.processor.execution;

import dev.jobstream.contract.JobError;
import dev.jobstream.contract.JobRecord;
import dev.jobstream.contract.JobStatus;
import dev.jobstream.contract.JobStatusEvent;
import dev.jobstream.contract.RecordOrigin;
import dev.jobstream.processor.WorkerId;
import dev.jobstream.processor.handler.JobContext;
import dev.jobstream.processor.handler.JobHandlers;
import dev.jobstream.processor.status.StatusPublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Runs attempts: announces the start, calls the job's handler and turns what it did into the final event.
 */
@Component
public class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final JobHandlers handlers;
    private final StatusPublisher publisher;
    private final FailureOutcome failures;
    private final WorkerId workerId;
    private final Clock clock;

    JobRunner(JobHandlers handlers, StatusPublisher publisher, FailureOutcome failures, WorkerId workerId,
            Clock clock) {
        this.handlers = handlers;
        this.publisher = publisher;
        this.failures = failures;
        this.workerId = workerId;
        this.clock = clock;
    }

    /** An attempt of a job, to hand to a worker thread; its listener gets the final event. */
    public JobRun prepare(JobRecord job, RecordOrigin origin, AttemptListener listener) {
        return new JobRun(job, origin, listener, this);
    }

    /** Runs an attempt; returns its final event, or {@code null} when it was cancelled. */
    @Nullable JobStatusEvent attempt(JobRecord job, RecordOrigin origin, BooleanSupplier cancelled) {
        Instant startedAt = clock.instant();
        publisher.publish(JobStatusEvent.running(job, workerId.value(), startedAt)).exceptionally(failure -> {
            log.warn("Running event of job {} from {} was not published", job.id(), origin, failure);
            return null;
        });
        log.debug("Job {} from {} started attempt {}", job.id(), origin, job.attempt());
        try {
            JsonNode result = handlers.forType(job.type()).run(job.payload(), contextOf(job));
            log.debug("Job {} from {} done in {}", job.id(), origin, Duration.between(startedAt, clock.instant()));
            return JobStatusEvent.done(job, workerId.value(), startedAt, result, clock.instant());
        } catch (Exception failure) {
            if (cancelled.getAsBoolean()) {
                log.debug("Job {} from {} interrupted in attempt {}", job.id(), origin, job.attempt());
                return null;
            }
            return failed(job, origin, startedAt, failure);
        }
    }

    private JobStatusEvent failed(JobRecord job, RecordOrigin origin, Instant startedAt, Exception failure) {
        JobStatus next = failures.after(job, failure);
        log.warn("Job {} from {} failed in attempt {} of {} and is now {}", job.id(), origin, job.attempt(),
                job.maxRetries() + 1, next.wireName(), failure);
        return JobStatusEvent.ended(job, next, workerId.value(), startedAt, JobError.of(failure), clock.instant());
    }

    private JobContext contextOf(JobRecord job) {
        return new JobContext(job.id(), job.generation(), job.attempt(), workerId.value(), job.traceId());
    }
}
