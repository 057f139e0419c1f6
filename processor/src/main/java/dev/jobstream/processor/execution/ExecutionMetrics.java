package dev.jobstream.processor.execution;

import dev.jobstream.contract.JobRecord;
import dev.jobstream.contract.JobStatus;
import dev.jobstream.processor.handler.JobHandlers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Records the attempts of this processor in the meters docs/metrics.md names: {@code jobstream.executions},
 * {@code jobstream.job.duration}, {@code jobstream.queue.wait}, {@code jobstream.retries},
 * {@code jobstream.dead.lettered} and {@code jobstream.jobs.running}. A type no handler runs is counted as
 * {@code unknown}, so arbitrary strings never become series.
 */
@Component
public class ExecutionMetrics {

    static final String EXECUTIONS = "jobstream.executions";
    static final String DURATION = "jobstream.job.duration";
    static final String QUEUE_WAIT = "jobstream.queue.wait";
    static final String RETRIES = "jobstream.retries";
    static final String DEAD_LETTERED = "jobstream.dead.lettered";
    static final String RUNNING = "jobstream.jobs.running";

    private static final String UNKNOWN_TYPE = "unknown";
    private static final Set<String> EXECUTION_OUTCOMES = Set.of(JobStatus.DONE.wireName(),
            JobStatus.RETRYING.wireName(), JobStatus.DEAD.wireName(), JobStatus.CANCELLED.wireName());

    private final MeterRegistry registry;
    private final JobHandlers handlers;
    private final AtomicInteger running = new AtomicInteger();

    ExecutionMetrics(MeterRegistry registry, JobHandlers handlers) {
        this.registry = registry;
        this.handlers = handlers;
        Gauge.builder(RUNNING, running, AtomicInteger::get).description("Attempts running on this processor")
                .register(registry);
    }

    /** An attempt starts running; its first attempt ends the job's wait in the queue. */
    void started(JobRecord job, Instant startedAt) {
        running.incrementAndGet();
        if (job.generation() == 0 && job.attempt() == 1) {
            timer(QUEUE_WAIT, "Time from a job's submission to the start of its first attempt", job)
                    .record(nonNegative(Duration.between(job.createdAt(), startedAt)));
        }
    }

    /** A started attempt ended, whatever became of it. */
    void finished(JobRecord job, Instant startedAt, Instant endedAt) {
        running.decrementAndGet();
        timer(DURATION, "Time from the start of an attempt to its end", job)
                .record(nonNegative(Duration.between(startedAt, endedAt)));
    }

    /** An attempt ended with this outcome; outcomes that are not executions are ignored. */
    void ended(JobRecord job, String outcome) {
        if (!EXECUTION_OUTCOMES.contains(outcome)) {
            return;
        }
        String type = typeOf(job);
        Counter.builder(EXECUTIONS).description("Attempts that ended, by outcome").tag("type", type)
                .tag("outcome", outcome).register(registry).increment();
        if (outcome.equals(JobStatus.RETRYING.wireName())) {
            Counter.builder(RETRIES).description("Retries scheduled").tag("type", type).register(registry)
                    .increment();
        } else if (outcome.equals(JobStatus.DEAD.wireName())) {
            Counter.builder(DEAD_LETTERED).description("Jobs sent to the dead-letter queue").tag("type", type)
                    .register(registry).increment();
        }
    }

    private Timer timer(String name, String description, JobRecord job) {
        return Timer.builder(name).description(description).tag("type", typeOf(job)).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
    }

    private String typeOf(JobRecord job) {
        String type = job.type();
        return handlers.handles(type) ? type : UNKNOWN_TYPE;
    }

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
