package dev.jobstream.processor.control;

import dev.jobstream.processor.ProcessorProperties;
import dev.jobstream.processor.WorkerId;
import dev.jobstream.processor.tracing.JobTracing;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts and stops the reader of {@code job-control}, on a thread of its own.
 *
 * <p>Every processor instance must see every request, since any of them may be running the job. So the reader is
 * in no consumer group: it is assigned every partition of the topic and commits nothing. A shared group would hand
 * each request to one instance only; a group per instance would leave an abandoned group on the broker after every
 * restart. It starts {@code jobstream.processor.control-lookback} back in the topic rather than at its end, so a
 * request made while this instance was down still applies; applying a request twice is harmless.
 *
 * <p>Limitation: partitions added to {@code job-control} while a processor runs are read only after its restart.
 */
@Component
class JobControlConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobControlConsumer.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final ConsumerFactory<String, byte[]> consumers;
    private final JobControlHandler handler;
    private final WorkerId workerId;
    private final Clock clock;
    private final ProcessorProperties properties;
    private final JobTracing tracing;
    private @Nullable JobControlLoop loop;
    private @Nullable Thread thread;

    JobControlConsumer(ConsumerFactory<String, byte[]> consumers, JobControlHandler handler, WorkerId workerId,
            Clock clock, ProcessorProperties properties, JobTracing tracing) {
        this.consumers = consumers;
        this.handler = handler;
        this.workerId = workerId;
        this.clock = clock;
        this.properties = properties;
        this.tracing = tracing;
    }

    @Override
    public synchronized void start() {
        if (loop != null) {
            return;
        }
        loop = new JobControlLoop(createConsumer(), handler, clock, properties, tracing);
        thread = new Thread(loop, "job-control");
        thread.start();
        log.info("Job control reader of worker {} started", workerId);
    }

    @Override
    public synchronized void stop() {
        if (loop == null || thread == null) {
            return;
        }
        loop.stop();
        try {
            thread.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("Job control reader did not stop within {}", STOP_TIMEOUT);
        }
        loop = null;
        thread = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return loop != null;
    }

    private Consumer<String, byte[]> createConsumer() {
        Properties fixed = new Properties();
        fixed.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        fixed.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        fixed.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return consumers.createConsumer(null, workerId.value() + "-control", null, fixed);
    }
}
