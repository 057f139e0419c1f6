package dev.jobstream.processor.consumption;

import dev.jobstream.contract.JobCodec;
import dev.jobstream.processor.ProcessorProperties;
import dev.jobstream.processor.WorkerId;
import dev.jobstream.processor.claim.JobClaims;
import dev.jobstream.processor.execution.AttemptOutcomes;
import dev.jobstream.processor.execution.JobRunner;
import dev.jobstream.processor.execution.JobTimer;
import dev.jobstream.processor.outcome.OutcomePublisher;
import dev.jobstream.processor.retry.RetryTopics;
import dev.jobstream.processor.slot.SlotGate;
import dev.jobstream.processor.tracing.JobTracing;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Starts the job consumer thread and its worker pool with the application, and stops them first on shutdown,
 * before the producer and the database go away.
 *
 * <p>The Kafka consumer comes from Spring's consumer factory, so {@code spring.kafka.consumer.*} applies; the
 * settings the processor relies on are fixed here: the group, manual commits, cooperative rebalancing, and
 * reading a new group's partitions from the beginning.
 */
@Component
class JobConsumer implements SmartLifecycle {

    static final String GROUP_ID = "jobstream-processor";

    private static final Logger log = LoggerFactory.getLogger(JobConsumer.class);
    private static final Duration WORKER_STOP_TIMEOUT = Duration.ofSeconds(5);

    private final ConsumerFactory<String, byte[]> consumers;
    private final JobCodec codec;
    private final JobClaims claims;
    private final Execution execution;
    private final OutcomePublisher publisher;
    private final WorkerId workerId;
    private final Clock clock;
    private final ProcessorProperties properties;
    private @Nullable Running running;

    JobConsumer(ConsumerFactory<String, byte[]> consumers, JobCodec codec, JobClaims claims, Execution execution,
            OutcomePublisher publisher, WorkerId workerId, Clock clock, ProcessorProperties properties) {
        this.consumers = consumers;
        this.codec = codec;
        this.claims = claims;
        this.execution = execution;
        this.publisher = publisher;
        this.workerId = workerId;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * What the consumer hands records to: the runner of attempts, the outcomes of records that do not run, the
     * timer for jobs due in a moment, the retry topics for jobs due later, the gate of the users' slots, and the
     * tracing of the records.
     */
    @Component
    record Execution(JobRunner runner, AttemptOutcomes outcomes, JobTimer timer, RetryTopics retryTopics,
            SlotGate slots, JobTracing tracing) {
    }

    @Override
    public synchronized void start() {
        if (running != null) {
            return;
        }
        Consumer<String, byte[]> consumer = createConsumer();
        ExecutorService workers = workerPool();
        JobPollLoop loop = pollLoop(consumer, workers);
        Thread thread = new Thread(loop, "job-consumer");
        thread.start();
        running = new Running(loop, thread, workers);
        log.info("Job consumer of worker {} started with {} workers", workerId, properties.workers());
    }

    @Override
    public synchronized void stop() {
        if (running == null) {
            return;
        }
        running.loop().stop();
        awaitEnd(running.thread(), properties.shutdownGrace().multipliedBy(2).plusSeconds(30));
        running.workers().shutdownNow();
        awaitTermination(running.workers());
        running = null;
        log.info("Job consumer of worker {} stopped", workerId);
    }

    @Override
    public synchronized boolean isRunning() {
        return running != null;
    }

    private JobPollLoop pollLoop(Consumer<String, byte[]> consumer, ExecutorService workers) {
        InFlightRecords inFlight = new InFlightRecords(publisher, clock, properties.retryBackoff());
        OffsetCommitter committer = new OffsetCommitter(consumer, inFlight, claims, clock, properties);
        RecordDispatcher.Limits limits = new RecordDispatcher.Limits(properties.maxInFlightPerPartition(),
                execution.retryTopics().shortestTier());
        RecordDispatcher dispatcher = new RecordDispatcher(consumer, inFlight, codec, claims, execution.runner(),
                execution.outcomes(), workers, execution.slots(), execution.timer(), clock, limits,
                execution.tracing());
        PartitionHandOver handOver = new PartitionHandOver(inFlight, committer, claims, properties.revokeGrace());
        return new JobPollLoop(consumer, inFlight, dispatcher, committer, handOver, properties);
    }

    private Consumer<String, byte[]> createConsumer() {
        Properties fixed = new Properties();
        fixed.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        fixed.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        fixed.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        fixed.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        fixed.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return consumers.createConsumer(GROUP_ID, workerId.value(), null, fixed);
    }

    private ExecutorService workerPool() {
        return new ThreadPoolExecutor(properties.workers(), properties.workers(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), new CustomizableThreadFactory("job-worker-"));
    }

    private static void awaitEnd(Thread thread, Duration timeout) {
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("Job consumer thread did not stop within {}", timeout);
        }
    }

    private static void awaitTermination(ExecutorService workers) {
        try {
            if (!workers.awaitTermination(WORKER_STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Job workers did not stop within {}", WORKER_STOP_TIMEOUT);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private record Running(JobPollLoop loop, Thread thread, ExecutorService workers) {
    }
}
