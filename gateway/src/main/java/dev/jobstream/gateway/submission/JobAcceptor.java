package dev.jobstream.gateway.submission;

import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.JobIds;
import dev.jobstream.contract.JobRecord;
import dev.jobstream.gateway.caller.Caller;
import dev.jobstream.gateway.idempotency.Claim;
import dev.jobstream.gateway.idempotency.IdempotencyKey;
import dev.jobstream.gateway.idempotency.IdempotencyKeys;
import dev.jobstream.gateway.idempotency.RequestFingerprint;
import dev.jobstream.gateway.publishing.JobPublisher;
import dev.jobstream.gateway.query.JobView;
import dev.jobstream.gateway.query.RecentlyAcceptedJobs;
import dev.jobstream.gateway.tracing.LogContext;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepts valid submissions: gives each a new job id, publishes it, and remembers it for reads. A submission with
 * an idempotency key first claims the key, storing its job record with it; a repeated one gets the job of the
 * first instead of a new one, and publishes that same job again when the first never got it into Kafka.
 * A submission is charged to the caller's submission limit once it is known to create a job, before anything is
 * claimed or published, so a refused submission leaves nothing behind and a replay costs no quota.
 * Creation times are kept to the microsecond, the precision the read model stores, so that a job reads back
 * the same from memory and from the read model.
 */
@Component
class JobAcceptor {

    private static final Logger LOG = LoggerFactory.getLogger(JobAcceptor.class);

    private final JobPublisher publisher;
    private final IdempotencyKeys keys;
    private final RecentlyAcceptedJobs recent;
    private final JsonMapper json;
    private final Clock clock;

    JobAcceptor(JobPublisher publisher, IdempotencyKeys keys, RecentlyAcceptedJobs recent, JsonMapper json,
            Clock clock) {
        this.publisher = publisher;
        this.keys = keys;
        this.recent = recent;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Accepts a submission.
     *
     * @param chargeSubmission charges the submission to the caller's limit, throwing when it is used up; it is
     *     called only when the submission may create a job, not when it replays an accepted one
     */
    Acceptance accept(Caller caller, JobSubmission submission, @Nullable IdempotencyKey key,
            @Nullable String traceId, Runnable chargeSubmission) {
        if (key == null) {
            chargeSubmission.run();
            return new Acceptance(publish(newJob(caller, submission, traceId)), false);
        }
        String fingerprint = RequestFingerprint.of(submission.body());
        Optional<String> earlier = keys.answered(caller.userId(), key, fingerprint);
        if (earlier.isPresent()) {
            return replayed(caller, key, earlier.get());
        }
        chargeSubmission.run();
        JobRecord job = newJob(caller, submission, traceId);
        Claim claim = keys.claim(caller.userId(), key, fingerprint, job.id(),
                JobCodec.mapper().writeValueAsString(job));
        if (claim instanceof Claim.Answered answered) {
            return replayed(caller, key, answered.response());
        }
        if (claim instanceof Claim.Resumed resumed) {
            JobRecord unfinished = JobCodec.mapper().readValue(resumed.jobRecord(), JobRecord.class);
            LOG.debug("Publishing job {} of idempotency key {} again, its first publish did not finish (trace {})",
                    unfinished.id(), key.value(), unfinished.traceId());
            return new Acceptance(publishClaimed(unfinished, key), false);
        }
        return new Acceptance(publishClaimed(job, key), false);
    }

    private JobRecord newJob(Caller caller, JobSubmission submission, @Nullable String traceId) {
        return JobRecord.accepted(JobIds.newId(), caller.userId(), submission.payload(), submission.maxRetries(),
                clock.instant().truncatedTo(ChronoUnit.MICROS), traceId)
                .withTimeoutSeconds(submission.timeoutSeconds());
    }

    private Acceptance replayed(Caller caller, IdempotencyKey key, String response) {
        LOG.debug("Replaying the job of idempotency key {} of user {}", key.value(), caller.userId());
        return new Acceptance(json.readValue(response, JobView.class), true);
    }

    private JobView publish(JobRecord job) {
        LogContext.job(job.id());
        publisher.publish(job);
        JobView view = JobView.accepted(job);
        recent.remember(view);
        LOG.debug("Accepted job {} of user {} (trace {})", job.id(), job.userId(), job.traceId());
        return view;
    }

    private JobView publishClaimed(JobRecord job, IdempotencyKey key) {
        JobView view;
        try {
            view = publish(job);
        } catch (RuntimeException notPublished) {
            markPublishFailed(job, key);
            throw notPublished;
        }
        complete(job, key, view);
        return view;
    }

    private void markPublishFailed(JobRecord job, IdempotencyKey key) {
        try {
            keys.publishFailed(job.userId(), key, job.id());
        } catch (DataAccessException failure) {
            LOG.warn("Job {} was not published and its idempotency key could not be marked so; a retry with the "
                    + "key publishes it once the claim is abandoned (trace {}): {}", job.id(), job.traceId(),
                    failure.getMessage());
        }
    }

    private void complete(JobRecord job, IdempotencyKey key, JobView view) {
        try {
            keys.complete(job.userId(), key, job.id(), json.writeValueAsString(view));
        } catch (DataAccessException failure) {
            LOG.warn("Job {} was accepted but its idempotency key could not be completed; a retry with the key "
                    + "publishes the same job again once the claim is abandoned (trace {}): {}", job.id(),
                    job.traceId(), failure.getMessage());
        }
    }
}
