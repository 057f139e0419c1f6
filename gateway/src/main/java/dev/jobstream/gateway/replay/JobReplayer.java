package dev.jobstream.gateway.replay;

import dev.jobstream.contract.JobRecord;
import dev.jobstream.contract.JobRules;
import dev.jobstream.contract.JobStatus;
import dev.jobstream.gateway.caller.Caller;
import dev.jobstream.gateway.publishing.JobPublisher;
import dev.jobstream.gateway.query.DeadJobFilter;
import dev.jobstream.gateway.query.JobLookup;
import dev.jobstream.gateway.query.JobView;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replays dead jobs: publishes each again to {@code jobs} as its next generation, attempt 1, with its payload,
 * owner, retry budget, timeout, creation time and trace. The generation is claimed in {@link Replays} first, so a
 * job replayed by two requests at once is published, and run, once.
 *
 * <p>Limitation: a bulk replay replays at most {@value #MAX_BULK} jobs per request, the oldest first; the client
 * repeats it for the rest.
 */
@Component
class JobReplayer {

    static final int MAX_BULK = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(JobReplayer.class);

    private final JobLookup lookup;
    private final Replays replays;
    private final JobPublisher publisher;
    private final Clock clock;

    JobReplayer(JobLookup lookup, Replays replays, JobPublisher publisher, Clock clock) {
        this.lookup = lookup;
        this.replays = replays;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Replays one of the caller's dead jobs.
     *
     * @return the job as it is now: pending in its new generation
     * @throws ReplayConflictException when the job is not dead, has no record, or is being replayed already
     */
    JobView replay(Caller caller, String id) {
        return replay(lookup.find(caller, id));
    }

    /**
     * Replays the caller's dead jobs that match the filter, skipping those another request replays meanwhile.
     *
     * @return how many were replayed
     */
    int replayAll(Caller caller, @Nullable String requestedUser, DeadJobFilter filter) {
        List<JobView> dead = lookup.findDead(caller, requestedUser, filter, MAX_BULK);
        int replayed = 0;
        for (JobView job : dead) {
            try {
                replay(job);
                replayed++;
            } catch (ReplayConflictException skipped) {
                LOG.debug("Bulk replay of user {} skips job {}: {}", caller.userId(), job.id(), skipped.getMessage());
            }
        }
        return replayed;
    }

    private JobView replay(JobView dead) {
        if (!dead.is(JobStatus.DEAD)) {
            throw ReplayConflictException.notDead(dead.status());
        }
        JobRecord next = recordOf(dead).replayed();
        if (!replays.claim(next.id(), next.generation())) {
            throw ReplayConflictException.alreadyReplayed();
        }
        try {
            publisher.publish(next);
        } catch (RuntimeException notPublished) {
            release(next);
            throw notPublished;
        }
        markPublished(next);
        LOG.debug("Replayed job {} as generation {} (trace {})", next.id(), next.generation(), next.traceId());
        return JobView.accepted(next);
    }

    /** The record the dead job last ran as, rebuilt from the read model. */
    private JobRecord recordOf(JobView dead) {
        if (!(dead.payload() instanceof ObjectNode payload) || !payload.path(JobRules.TYPE).isString()
                || dead.userId() == null) {
            throw ReplayConflictException.nothingToReplay();
        }
        int maxRetries = dead.maxRetries() != null ? dead.maxRetries() : JobRules.DEFAULT_MAX_RETRIES;
        return new JobRecord(dead.id(), dead.userId(), payload, maxRetries,
                dead.createdAt() != null ? dead.createdAt() : clock.instant(), dead.generation(),
                Math.max(1, dead.attempts()), null, dead.traceId(), dead.timeoutSeconds(), null);
    }

    private void release(JobRecord next) {
        try {
            replays.release(next.id(), next.generation());
        } catch (DataAccessException failure) {
            LOG.warn("Replay of job {} as generation {} was not published and could not be released; it can be "
                    + "asked for again once it is abandoned (trace {}): {}", next.id(), next.generation(),
                    next.traceId(), failure.getMessage());
        }
    }

    private void markPublished(JobRecord next) {
        try {
            replays.published(next.id(), next.generation());
        } catch (DataAccessException failure) {
            LOG.warn("Job {} was replayed as generation {} but the replay could not be marked published; a replay "
                    + "asked for later may publish it again, which the processor runs once (trace {}): {}",
                    next.id(), next.generation(), next.traceId(), failure.getMessage());
        }
    }
}
