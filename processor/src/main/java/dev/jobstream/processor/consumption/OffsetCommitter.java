package dev.jobstream.processor.consumption;

import dev.jobstream.processor.ProcessorProperties;
import dev.jobstream.processor.claim.JobClaims;
import dev.jobstream.processor.claim.JobRunKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * Commits, per partition, the offset of the oldest unfinished record.
 *
 * <p>Attempts that finished are marked in the run table before any offset covering them is committed: once a
 * record is behind the committed offset, only the mark keeps a copy of it elsewhere on the topic from running.
 */
final class OffsetCommitter {

    private static final Logger log = LoggerFactory.getLogger(OffsetCommitter.class);

    private final Consumer<?, ?> consumer;
    private final InFlightRecords inFlight;
    private final JobClaims claims;
    private final Clock clock;
    private final ProcessorProperties properties;
    private Instant nextCommit = Instant.EPOCH;

    OffsetCommitter(Consumer<?, ?> consumer, InFlightRecords inFlight, JobClaims claims, Clock clock,
            ProcessorProperties properties) {
        this.consumer = consumer;
        this.inFlight = inFlight;
        this.claims = claims;
        this.clock = clock;
        this.properties = properties;
    }

    /** Commits without waiting, when the commit interval passed since the last commit. */
    void commitIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextCommit)) {
            return;
        }
        boolean flushed = commit(inFlight.all(), false);
        nextCommit = now.plus(flushed ? properties.commitInterval() : properties.retryBackoff());
    }

    /** Commits what the partitions finished and waits for the broker; for revoked partitions and shutdown. */
    void commitNow(Collection<PartitionState> partitions) {
        commit(partitions, true);
    }

    private boolean commit(Collection<PartitionState> partitions, boolean wait) {
        if (!flushFinishedRuns()) {
            return false;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (PartitionState partition : partitions) {
            partition.offsetToCommit().ifPresent(offset -> {
                offsets.put(partition.partition(), new OffsetAndMetadata(offset));
                partition.committed(offset);
            });
        }
        if (!offsets.isEmpty()) {
            send(offsets, wait);
        }
        return true;
    }

    private void send(Map<TopicPartition, OffsetAndMetadata> offsets, boolean wait) {
        log.trace("Committing {}", offsets);
        if (!wait) {
            consumer.commitAsync(offsets, (sent, failure) -> {
                if (failure != null) {
                    commitFailed(sent, failure);
                }
            });
            return;
        }
        try {
            consumer.commitSync(offsets);
        } catch (KafkaException failure) {
            commitFailed(offsets, failure);
        }
    }

    private void commitFailed(Map<TopicPartition, OffsetAndMetadata> offsets, Exception failure) {
        if (failure instanceof RebalanceInProgressException) {
            log.debug("Offsets {} not committed during a rebalance; they are committed again after it", offsets);
        } else {
            log.warn("Could not commit offsets {}; they are committed again with the next ones", offsets, failure);
        }
        inFlight.of(offsets.keySet()).forEach(PartitionState::commitFailed);
    }

    private boolean flushFinishedRuns() {
        List<JobRunKey> finished = inFlight.finishedRuns();
        if (finished.isEmpty()) {
            return true;
        }
        try {
            claims.markFinished(finished);
            finished.clear();
            return true;
        } catch (DataAccessException failure) {
            log.warn("Could not mark {} job runs finished; no offsets are committed until that works",
                    finished.size(), failure);
            return false;
        }
    }
}
