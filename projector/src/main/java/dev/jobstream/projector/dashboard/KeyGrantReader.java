package dev.jobstream.projector.dashboard;

import dev.jobstream.contract.ApiKeyGrant;
import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads {@code api-keys} from its beginning into {@link GrantedKeys}, on a thread of its own, in the
 * {@code api-key} mode only.
 *
 * <p>Every projector instance needs every key, so the reader is in no consumer group: it is assigned every
 * partition, starts at the beginning each time and commits nothing. The topic is compacted, so the beginning is
 * the latest state of every key.
 *
 * <p>Limitation: partitions added to {@code api-keys} while a projector runs are read only after its restart.
 */
@Component
class KeyGrantReader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KeyGrantReader.class);
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration RETRY_DELAY = Duration.ofSeconds(1);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final ConsumerFactory<?, ?> consumers;
    private final GrantedKeys keys;
    private final JobCodec codec;
    private final boolean enabled;
    private volatile boolean running;
    private @Nullable Consumer<String, byte[]> consumer;
    private @Nullable Thread thread;

    KeyGrantReader(ConsumerFactory<?, ?> consumers, GrantedKeys keys, JobCodec codec,
            DashboardProperties properties) {
        this.consumers = consumers;
        this.keys = keys;
        this.codec = codec;
        this.enabled = properties.auth().apiKeys();
    }

    @Override
    public boolean isAutoStartup() {
        return enabled;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        Consumer<String, byte[]> reader = createConsumer();
        consumer = reader;
        running = true;
        thread = new Thread(() -> run(reader), "dashboard-api-keys");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        if (!running || consumer == null || thread == null) {
            return;
        }
        running = false;
        consumer.wakeup();
        try {
            thread.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        consumer = null;
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run(Consumer<String, byte[]> reader) {
        try {
            @Nullable Map<TopicPartition, Long> ends = null;
            while (running && ends == null) {
                ends = assignAll(reader);
            }
            while (running) {
                readOnce(reader, ends);
            }
        } catch (WakeupException stopping) {
            log.debug("API key reader woken up to stop");
        } finally {
            reader.close();
        }
    }

    /** Assigns every partition from its beginning; the end offsets of now, or null to try again. */
    private @Nullable Map<TopicPartition, Long> assignAll(Consumer<String, byte[]> reader) {
        try {
            List<TopicPartition> partitions = reader.partitionsFor(Topics.API_KEYS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            if (partitions.isEmpty()) {
                log.warn("Topic {} has no partitions yet; looking again in {}", Topics.API_KEYS, RETRY_DELAY);
                pause();
                return null;
            }
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            log.info("Reading the API keys from the beginning of {}", partitions);
            return new HashMap<>(reader.endOffsets(partitions));
        } catch (WakeupException stopping) {
            throw stopping;
        } catch (KafkaException failure) {
            log.warn("Could not assign {}; trying again in {}", Topics.API_KEYS, RETRY_DELAY, failure);
            pause();
            return null;
        }
    }

    private void readOnce(Consumer<String, byte[]> reader, Map<TopicPartition, Long> ends) {
        try {
            for (ConsumerRecord<String, byte[]> record : reader.poll(POLL_TIMEOUT)) {
                apply(record);
            }
            if (!keys.caughtUp() && ends.entrySet().stream()
                    .allMatch(end -> reader.position(end.getKey()) >= end.getValue())) {
                keys.markCaughtUp();
                log.info("Read every API key granted before the dashboard started");
            }
        } catch (WakeupException stopping) {
            throw stopping;
        } catch (KafkaException failure) {
            log.warn("Reading {} failed; going on in {}", Topics.API_KEYS, RETRY_DELAY, failure);
            pause();
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null && record.key() != null) {
            keys.forget(record.key());
            return;
        }
        try {
            ApiKeyGrant grant = codec.decodeGrant(record.value());
            keys.apply(grant);
            log.debug("API key {} of user {} is {}", grant.id(), grant.userId(),
                    grant.revoked() ? "revoked" : "valid");
        } catch (IllegalArgumentException notAGrant) {
            log.warn("Record {}-{}@{} is not an API key grant; skipped: {}", record.topic(), record.partition(),
                    record.offset(), notAGrant.getMessage());
        }
    }

    private Consumer<String, byte[]> createConsumer() {
        Map<String, Object> config = new HashMap<>(consumers.getConfigurationProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "jobstream-dashboard-api-keys-" + UUID.randomUUID());
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_DELAY.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
