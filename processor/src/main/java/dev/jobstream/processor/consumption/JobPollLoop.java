package dev.jobstream.processor.consumption;

import dev.jobstream.contract.Topics;
import dev.jobstream.processor.ProcessorProperties;
import dev.jobstream.processor.claim.JobRunKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer thread: polls the jobs topic, dispatches records, applies finished ones, pauses partitions with
 * too many unfinished records and commits. Every call on the Kafka consumer happens on this thread.
 */
final class JobPollLoop implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(JobPollLoop.class);

    private final Consumer<String, byte[]> consumer;
    private final InFlightRecords inFlight;
    private final RecordDispatcher dispatcher;
    private final OffsetCommitter committer;
    private final PartitionHandOver handOver;
    private final ProcessorProperties properties;
    private volatile boolean running = true;

    JobPollLoop(Consumer<String, byte[]> consumer, InFlightRecords inFlight, RecordDispatcher dispatcher,
            OffsetCommitter committer, PartitionHandOver handOver, ProcessorProperties properties) {
        this.consumer = consumer;
        this.inFlight = inFlight;
        this.dispatcher = dispatcher;
        this.committer = committer;
        this.handOver = handOver;
        this.properties = properties;
    }

    /** Asks the loop to stop polling, finish its jobs within the shutdown grace and close the consumer. */
    void stop() {
        running = false;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(Topics.JOBS), handOver);
            while (running) {
                pollOnce();
            }
            shutDown();
        } finally {
            close();
        }
    }

    private void pollOnce() {
        try {
            ConsumerRecords<String, byte[]> records = consumer.poll(properties.pollTimeout());
            if (!records.isEmpty() && !dispatcher.dispatch(records)) {
                inFlight.awaitUntil(() -> !running, properties.retryBackoff());
            }
            inFlight.applyCompletions();
            applyBackPressure();
            committer.commitIfDue();
        } catch (RuntimeException failure) {
            log.error("Job consumer loop failed; going on in {}", properties.retryBackoff(), failure);
            inFlight.awaitUntil(() -> !running, properties.retryBackoff());
        }
    }

    private void applyBackPressure() {
        Set<TopicPartition> paused = consumer.paused();
        List<TopicPartition> pause = new ArrayList<>();
        List<TopicPartition> resume = new ArrayList<>();
        for (PartitionState partition : inFlight.all()) {
            boolean full = partition.unfinished() >= properties.maxInFlightPerPartition();
            if (full && !paused.contains(partition.partition())) {
                pause.add(partition.partition());
            } else if (!full && paused.contains(partition.partition())) {
                resume.add(partition.partition());
            }
        }
        if (!pause.isEmpty()) {
            log.debug("Pausing {}: {} unfinished records each", pause, properties.maxInFlightPerPartition());
            consumer.pause(pause);
        }
        if (!resume.isEmpty()) {
            log.debug("Resuming {}", resume);
            consumer.resume(resume);
        }
    }

    private void shutDown() {
        List<PartitionState> owned = inFlight.all();
        log.info("Job consumer stopping; running jobs have {} to finish", properties.shutdownGrace());
        List<JobRunKey> interrupted = handOver.drain(owned, properties.shutdownGrace());
        if (!interrupted.isEmpty()) {
            log.info("{} interrupted jobs keep their claims; the next owner of their partitions takes them over",
                    interrupted.size());
        }
        inFlight.remove(owned);
    }

    private void close() {
        try {
            consumer.close();
        } catch (KafkaException failure) {
            log.warn("Job consumer did not close cleanly", failure);
        }
    }
}
