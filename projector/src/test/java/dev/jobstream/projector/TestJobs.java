package dev.jobstream.projector;

import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.JobError;
import dev.jobstream.contract.JobIds;
import dev.jobstream.contract.JobRecord;
import dev.jobstream.contract.JobStatus;
import dev.jobstream.contract.JobStatusEvent;
import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * Jobs and status events as the gateway and the processor publish them, for the projector's tests.
 */
public final class TestJobs {

    /** When the test jobs are accepted. */
    public static final Instant CREATED_AT = Instant.parse("2025-03-01T10:00:00Z");

    /** The worker that runs the test jobs. */
    public static final String WORKER = "worker-1";

    private TestJobs() {
    }

    /** A fresh job that sleeps for a second, owned by alice. */
    public static JobRecord aSleepJob() {
        return aSleepJobOf("alice");
    }

    /** A fresh job that sleeps for a second, owned by the user. */
    public static JobRecord aSleepJobOf(String userId) {
        ObjectNode payload = JobCodec.mapper().createObjectNode().put("type", "sleep").put("duration", 1);
        return JobRecord.accepted(JobIds.newId(), userId, payload, 3, CREATED_AT, "trace-" + JobIds.newId());
    }

    /** A fresh job that fails with the message. */
    public static JobRecord aFailJob(String message) {
        ObjectNode payload = JobCodec.mapper().createObjectNode().put("type", "fail").put("message", message);
        return JobRecord.accepted(JobIds.newId(), "alice", payload, 3, CREATED_AT, null);
    }

    /** The record that asks for the next attempt of a job whose attempt failed. */
    public static JobRecord nextAttemptOf(JobRecord job, Instant notBefore) {
        return job.nextAttempt(notBefore, notBefore);
    }

    /** The record that replays a dead job in a new generation. */
    public static JobRecord replayOf(JobRecord job) {
        return job.replayed();
    }

    public static JobStatusEvent running(JobRecord job, Instant at) {
        return JobStatusEvent.running(job, WORKER, at);
    }

    public static JobStatusEvent done(JobRecord job, Instant startedAt, Instant at) {
        ObjectNode result = JobCodec.mapper().createObjectNode().put("slept_ms", 1000);
        return JobStatusEvent.done(job, WORKER, startedAt, result, at);
    }

    public static JobStatusEvent retrying(JobRecord job, Instant startedAt, Instant at, Instant nextAttemptAt) {
        return new JobStatusEvent(job.id(), job.userId(), job.type(), JobStatus.RETRYING, job.generation(),
                job.attempt(), job.maxRetries(), at, WORKER, startedAt, null, anError(), nextAttemptAt,
                job.traceId());
    }

    public static JobStatusEvent dead(JobRecord job, Instant startedAt, Instant at) {
        return JobStatusEvent.ended(job, JobStatus.DEAD, WORKER, startedAt, anError(), at);
    }

    /** The processor stopped the job on request. */
    public static JobStatusEvent cancelled(JobRecord job, Instant at) {
        return new JobStatusEvent(job.id(), job.userId(), job.type(), JobStatus.CANCELLED, job.generation(),
                job.attempt(), job.maxRetries(), at, WORKER, null, null, null, null, job.traceId());
    }

    /** An operator dropped the dead job. */
    public static JobStatusEvent discarded(JobRecord job, Instant at) {
        return new JobStatusEvent(job.id(), job.userId(), job.type(), JobStatus.DISCARDED, job.generation(),
                job.attempt(), job.maxRetries(), at, null, null, null, null, null, job.traceId());
    }

    public static JobError anError() {
        return new JobError("java.lang.IllegalStateException", "boom", null);
    }
}
