package dev.jobstream.processor.execution;

import dev.jobstream.contract.JobRecord;
import dev.jobstream.contract.JobStatusEvent;
import dev.jobstream.contract.RecordOrigin;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * One attempt of one job, queued for or running on a worker thread.
 *
 * <p>A run either ends, handing its final event to its listener, or is cancelled first; never both. That is
 * what lets the consumer release the claim of a cancelled run without the risk that the job finishes anyway.
 */
public final class JobRun implements Runnable {

    private static final String TRACE_ID = "traceId";

    private enum State { QUEUED, RUNNING, ENDED, CANCELLED }

    private final JobRecord job;
    private final RecordOrigin origin;
    private final AttemptListener listener;
    private final JobRunner runner;
    private State state = State.QUEUED;
    private @Nullable Thread worker;

    JobRun(JobRecord job, RecordOrigin origin, AttemptListener listener, JobRunner runner) {
        this.job = job;
        this.origin = origin;
        this.listener = listener;
        this.runner = runner;
    }

    public JobRecord job() {
        return job;
    }

    @Override
    public void run() {
        if (!begin()) {
            return;
        }
        String traceId = job.traceId();
        if (traceId != null) {
            MDC.put(TRACE_ID, traceId);
        }
        try {
            JobStatusEvent outcome = runner.attempt(job, origin, this::isCancelled);
            if (outcome != null && end()) {
                listener.ended(outcome);
            }
        } finally {
            MDC.remove(TRACE_ID);
            leave();
        }
    }

    /**
     * Stops the run unless it already ended: a queued run never starts, a running one is interrupted and its
     * outcome dropped.
     *
     * @return whether the run was cancelled; {@code false} when it ended first and its outcome is on its way
     */
    public synchronized boolean cancel() {
        if (state == State.ENDED || state == State.CANCELLED) {
            return state == State.CANCELLED;
        }
        state = State.CANCELLED;
        if (worker != null) {
            worker.interrupt();
        }
        return true;
    }

    private synchronized boolean isCancelled() {
        return state == State.CANCELLED;
    }

    private synchronized boolean begin() {
        if (state != State.QUEUED) {
            return false;
        }
        state = State.RUNNING;
        worker = Thread.currentThread();
        return true;
    }

    private synchronized boolean end() {
        if (state != State.RUNNING) {
            return false;
        }
        state = State.ENDED;
        return true;
    }

    private synchronized void leave() {
        worker = null;
        if (state == State.CANCELLED) {
            // The cancelling interrupt is meant for this run only, not for the next task of this thread.
            Thread.interrupted();
        }
    }
}
