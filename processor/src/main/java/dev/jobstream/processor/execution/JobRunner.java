package dev.jobstream.processor.execution;

import dev.jobstream.contract.JobRecord;
import dev.jobstream.contract.JobStatusEvent;
import dev.jobstream.contract.RecordOrigin;
import dev.jobstream.processor.ProcessorProperties;
import dev.jobstream.processor.WorkerId;
import dev.jobstream.processor.handler.JobContext;
import dev.jobstream.processor.handler.JobHandlers;
import dev.jobstream.processor.outcome.Outcome;
import dev.jobstream.processor.status.StatusPublisher;
import dev.jobstream.processor.tracing.JobScope;
import dev.jobstream.processor.tracing.JobTracing;
import io.micrometer.tracing.Span;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Runs attempts: announces the start, calls the job's handler within the job's timeout and turns what it did into
 * the attempt's outcome.
 */
@Component
public class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final JobHandlers handlers;
    private final StatusPublisher publisher;
    private final AttemptOutcomes outcomes;
    private final RunningJobs running;
    private final JobTimer timer;
    private final ExecutionMetrics metrics;
    private final WorkerId workerId;
    private final Clock clock;
    private final Duration defaultTimeout;
    private final JobTracing tracing;

    JobRunner(JobHandlers handlers, StatusPublisher publisher, AttemptOutcomes outcomes, RunningJobs running,
            JobTimer timer, ExecutionMetrics metrics, WorkerId workerId, Clock clock,
            ProcessorProperties properties, JobTracing tracing) {
        this.handlers = handlers;
        this.publisher = publisher;
        this.outcomes = outcomes;
        this.running = running;
        this.timer = timer;
        this.metrics = metrics;
        this.workerId = workerId;
        this.clock = clock;
        this.defaultTimeout = properties.defaultTimeout();
        this.tracing = tracing;
    }

    /**
     * An attempt of a job, to hand to a worker thread; its listener gets the outcome. From now on until it ends, a
     * cancellation of the job reaches it. The run ends the job's span when it is over.
     */
    public JobRun prepare(JobRecord job, RecordOrigin origin, Span span, AttemptListener listener) {
        JobRun run = new JobRun(job, origin, span, listener, this);
        running.add(run);
        return run;
    }

    /** Runs an attempt; returns its outcome, or {@code null} when it was abandoned. */
    @Nullable Outcome attempt(JobRun run) {
        Outcome outcome = runOnce(run);
        if (outcome != null) {
            metrics.ended(run.job(), outcome.name());
        }
        return outcome;
    }

    private @Nullable Outcome runOnce(JobRun run) {
        JobRecord job = run.job();
        Instant startedAt = clock.instant();
        if (run.cancelledBeforeStart()) {
            // The job control handler reported the cancellation when this attempt had not started; the attempt
            // only ends its record, with no event of its own, and is no execution.
            log.debug("Job {} from {} was cancelled before attempt {} started", job.id(), run.origin(),
                    job.attempt());
            return new Outcome(job.id(), "cancelled before it started", List.of());
        }
        metrics.started(job, startedAt);
        try {
            return execute(run, startedAt);
        } finally {
            metrics.finished(job, startedAt, clock.instant());
        }
    }

    private @Nullable Outcome execute(JobRun run, Instant startedAt) {
        JobRecord job = run.job();
        announceStart(job, run.origin(), startedAt);
        Duration timeout = timeoutOf(job);
        ScheduledFuture<?> deadline = timer.after(timeout, () -> run.timeOut(timeout));
        try {
            JsonNode result = handlers.forType(job.type()).run(job.payload(), contextOf(job));
            log.debug("Job {} from {} done in {}", job.id(), run.origin(),
                    Duration.between(startedAt, clock.instant()));
            return outcomes.done(job, startedAt, result);
        } catch (Exception thrown) {
            return failed(run, startedAt, thrown);
        } finally {
            deadline.cancel(false);
        }
    }

    /** Makes the run's span current on the worker thread, with its job in the logging MDC. */
    JobScope open(JobRun run, Span span) {
        return tracing.open(span, run.job());
    }

    /** The run ended or was abandoned; a cancellation no longer needs to reach it. */
    void forget(JobRun run) {
        running.remove(run);
    }

    private @Nullable Outcome failed(JobRun run, Instant startedAt, Exception thrown) {
        Exception failure = run.failureOf(thrown);
        if (failure == null) {
            log.debug("Job {} from {} interrupted in attempt {}", run.job().id(), run.origin(), run.job().attempt());
            return null;
        }
        return outcomes.failed(run.job(), run.origin(), startedAt, failure);
    }

    private void announceStart(JobRecord job, RecordOrigin origin, Instant startedAt) {
        publisher.publish(JobStatusEvent.running(job, workerId.value(), startedAt)).exceptionally(failure -> {
            log.warn("Running event of job {} from {} was not published", job.id(), origin, failure);
            return null;
        });
        log.debug("Job {} from {} started attempt {}", job.id(), origin, job.attempt());
    }

    private Duration timeoutOf(JobRecord job) {
        return job.timeoutSeconds() != null ? Duration.ofSeconds(job.timeoutSeconds()) : defaultTimeout;
    }

    private JobContext contextOf(JobRecord job) {
        return new JobContext(job.id(), job.generation(), job.attempt(), workerId.value(), job.traceId());
    }
}
