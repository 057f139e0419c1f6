package dev.jobstream.contract;

import java.time.Instant;
import java.util.UUID;

/**
 * A request to change a job from outside the processor, published on {@code job-control} keyed by job id.
 * Every processor instance reads every request, since any of them may be running the job; the processor emits
 * the resulting status event.
 *
 * @param jobId the job
 * @param userId the job's owner
 * @param action what to do
 * @param generation the generation the request is about, as the requester saw it
 * @param attempt the attempt the requester saw, so the resulting event orders after it
 * @param requestedAt when it was asked for
 * @param requestedBy who asked
 */
public record JobControl(
        UUID jobId,
        String userId,
        Action action,
        int generation,
        int attempt,
        Instant requestedAt,
        String requestedBy) {

    /** What a control request asks for. */
    public enum Action {
        /** Stop the job: never run it again, and interrupt it if it runs. */
        CANCEL,
        /** Drop a dead job for good; its history stays. */
        DISCARD
    }
}
