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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Records the attempts of this processor in the meters docs/metrics.md names: {@code jobstream.executions},
 * {@code jobstream.job.duration}, {@code jobstream.queue.wait}, {@code jobstream.retries},
 * {@code jobstream.dead.lettered} and {@code jobstream.jobs.running}. A type no handler runs is counted as
 * {@code unknown}, so arbitrary strings never become series. Meters are registered on first use and then kept
 * here by type, so an attempt does not build and look up its meters again.
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
    private final Map<String, Timer> queueWaits = new ConcurrentHashMap<>();
    private final Map<String, Timer> durations = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Counter>> executions = new ConcurrentHashMap<>();
    private final Map<String, Counter> retries = new ConcurrentHashMap<>();
    private final Map<String, Counter> deadLettered = new ConcurrentHashMap<>();

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
            queueWaits.computeIfAbsent(typeOf(job),
                    type -> timer(QUEUE_WAIT, "Time from a job's submission to the start of its first attempt", type))
                    .record(nonNegative(Duration.between(job.createdAt(), startedAt)));
        }
    }

    /** A started attempt ended, whatever became of it. */
    void finished(JobRecord job, Instant startedAt, Instant endedAt) {
        running.decrementAndGet();
        durations.computeIfAbsent(typeOf(job),
                type -> timer(DURATION, "Time from the start of an attempt to its end", type))
                .record(nonNegative(Duration.between(startedAt, endedAt)));
    }

    /** An attempt ended with this outcome; outcomes that are not executions are ignored. */
    void ended(JobRecord job, String outcome) {
        if (!EXECUTION_OUTCOMES.contains(outcome)) {
            return;
        }
        String type = typeOf(job);
        executions.computeIfAbsent(type, key -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome, key -> Counter.builder(EXECUTIONS)
                        .description("Attempts that ended, by outcome").tag("type", type).tag("outcome", outcome)
                        .register(registry))
                .increment();
        if (outcome.equals(JobStatus.RETRYING.wireName())) {
            retries.computeIfAbsent(type, key -> Counter.builder(RETRIES).description("Retries scheduled")
                    .tag("type", type).register(registry)).increment();
        } else if (outcome.equals(JobStatus.DEAD.wireName())) {
            deadLettered.computeIfAbsent(type, key -> Counter.builder(DEAD_LETTERED)
                    .description("Jobs sent to the dead-letter queue").tag("type", type).register(registry))
                    .increment();
        }
    }

    private Timer timer(String name, String description, String type) {
        return Timer.builder(name).description(description).tag("type", type).publishPercentileHistogram()
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
