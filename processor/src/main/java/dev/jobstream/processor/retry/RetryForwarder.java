package dev.jobstream.processor.retry;

import dev.jobstream.processor.ProcessorProperties;
import dev.jobstream.processor.WorkerId;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
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
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Starts and stops the retry forwarder: a consumer of the retry topics in a group of its own,
 * {@code jobstream-retry-forwarder}, on a thread of its own, that puts parked jobs back on the jobs topic once they
 * are due (see {@link RetryForwardLoop}). It never holds up the job consumer, and the job consumer never holds it
 * up.
 *
 * <p>Its offsets are committed only after the jobs topic acknowledged what it forwarded, so a job that waits while
 * the processor restarts is still forwarded, on time, by whichever processor owns its partition next.
 */
@Component
class RetryForwarder implements SmartLifecycle {

    static final String GROUP_ID = "jobstream-retry-forwarder";

    private static final Logger log = LoggerFactory.getLogger(RetryForwarder.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final ConsumerFactory<String, byte[]> consumers;
    private final KafkaTemplate<String, byte[]> template;
    private final RetryTopics retryTopics;
    private final WorkerId workerId;
    private final Clock clock;
    private final ProcessorProperties properties;
    private @Nullable RetryForwardLoop loop;
    private @Nullable Thread thread;

    RetryForwarder(ConsumerFactory<String, byte[]> consumers, KafkaTemplate<String, byte[]> template,
            RetryTopics retryTopics, WorkerId workerId, Clock clock, ProcessorProperties properties) {
        this.consumers = consumers;
        this.template = template;
        this.retryTopics = retryTopics;
        this.workerId = workerId;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (loop != null) {
            return;
        }
        loop = new RetryForwardLoop(createConsumer(), template, retryTopics.names(), clock, properties);
        thread = new Thread(loop, "retry-forwarder");
        thread.start();
        log.info("Retry forwarder of worker {} started on {}", workerId, retryTopics.names());
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
            log.warn("Retry forwarder thread did not stop within {}", STOP_TIMEOUT);
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
        fixed.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        fixed.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        fixed.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        fixed.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return consumers.createConsumer(GROUP_ID, workerId.value() + "-retry", null, fixed);
    }
}
