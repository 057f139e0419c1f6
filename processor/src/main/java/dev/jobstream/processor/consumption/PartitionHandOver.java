package dev.jobstream.processor.consumption;

import dev.jobstream.processor.claim.JobClaims;
import dev.jobstream.processor.claim.JobRunKey;
import dev.jobstream.processor.execution.JobRun;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * Gives partitions up in good order when the group takes them away: their running jobs get the revoke grace
 * to finish, what finished is committed, and the rest is interrupted with its claims released, so whichever
 * processor owns the partition next runs those jobs again.
 *
 * <p>Limitation: a partition that is lost rather than revoked, because this processor fell out of the group,
 * may already run elsewhere; its jobs are interrupted at once, but for a moment a job can run twice.
 */
final class PartitionHandOver implements ConsumerRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(PartitionHandOver.class);

    private final InFlightRecords inFlight;
    private final OffsetCommitter committer;
    private final JobClaims claims;
    private final Duration revokeGrace;

    PartitionHandOver(InFlightRecords inFlight, OffsetCommitter committer, JobClaims claims, Duration revokeGrace) {
        this.inFlight = inFlight;
        this.committer = committer;
        this.claims = claims;
        this.revokeGrace = revokeGrace;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        inFlight.assign(partitions);
        if (!partitions.isEmpty()) {
            log.info("Assigned partitions {}", partitions);
        }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        List<PartitionState> revoked = inFlight.of(partitions);
        if (revoked.isEmpty()) {
            return;
        }
        log.info("Partitions {} revoked; their running jobs have {} to finish", partitions, revokeGrace);
        release(drain(revoked, revokeGrace));
        inFlight.remove(revoked);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        List<PartitionState> lost = inFlight.of(partitions);
        log.warn("Partitions {} lost; interrupting their running jobs", partitions);
        release(lost.stream().flatMap(partition -> partition.abandonRuns().stream()).map(this::keyOf).toList());
        inFlight.remove(lost);
    }

    /**
     * Lets the partitions' jobs finish within a grace, interrupts the rest and commits what finished.
     *
     * @return the interrupted attempts
     */
    List<JobRunKey> drain(List<PartitionState> partitions, Duration grace) {
        inFlight.awaitUntil(() -> partitions.stream().allMatch(PartitionState::isIdle), grace);
        List<JobRunKey> interrupted = partitions.stream()
                .flatMap(partition -> partition.abandonRuns().stream()).map(this::keyOf).toList();
        inFlight.awaitUntil(() -> partitions.stream().noneMatch(PartitionState::hasRuns), grace);
        committer.commitNow(partitions);
        if (!interrupted.isEmpty()) {
            log.info("Interrupted {} jobs that did not finish within {}", interrupted.size(), grace);
        }
        return interrupted;
    }

    private void release(List<JobRunKey> interrupted) {
        try {
            claims.release(interrupted);
        } catch (DataAccessException failure) {
            log.warn("Could not release the claims of {} interrupted jobs; the next processor to own their "
                    + "partitions takes them over, but this one skips them if it gets them back", interrupted.size(),
                    failure);
        }
    }

    private JobRunKey keyOf(JobRun run) {
        return JobRunKey.of(run.job());
    }
}
