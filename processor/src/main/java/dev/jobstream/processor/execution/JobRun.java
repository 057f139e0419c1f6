package dev.jobstream.processor.execution;

import dev.jobstream.contract.JobRecord;
import dev.jobstream.contract.RecordOrigin;
import dev.jobstream.processor.outcome.Outcome;
import dev.jobstream.processor.tracing.JobScope;
import io.micrometer.tracing.Span;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One attempt of one job, queued for or running on a worker thread.
 *
 * <p>A run either ends, handing its outcome to its listener, or is abandoned first; never both. That is what lets
 * the consumer release the claim of an abandoned run without the risk that the job finishes anyway.
 *
 * <p>A run can also be stopped early and still end: when its job is cancelled, or when it outlasts its timeout.
 * It is then interrupted, and the failure it reports says why ({@link JobCancelledException},
 * {@link JobTimeoutException}); a cancellation overrides a timeout that came first.
 */
public final class JobRun implements Runnable {

    private enum State { QUEUED, RUNNING, ENDED, ABANDONED }

    private final JobRecord job;
    private final RecordOrigin origin;
    private final Span span;
    private final AttemptListener listener;
    private final JobRunner runner;
    private State state = State.QUEUED;
    private @Nullable Thread worker;
    private @Nullable Stop stop;

    JobRun(JobRecord job, RecordOrigin origin, Span span, AttemptListener listener, JobRunner runner) {
        this.job = job;
        this.origin = origin;
        this.span = span;
        this.listener = listener;
        this.runner = runner;
    }

    public JobRecord job() {
        return job;
    }

    RecordOrigin origin() {
        return origin;
    }

    @Override
    public void run() {
        if (!begin()) {
            return;
        }
        try (JobScope scope = runner.open(this, span)) {
            Outcome outcome = runner.attempt(this);
            if (outcome != null && end()) {
                listener.ended(outcome);
            }
        } finally {
            leave();
            span.end();
        }
    }

    /**
     * Stops the run without an outcome, unless it already ended: a queued run never starts, a running one is
     * interrupted and its outcome dropped.
     *
     * @return whether the run was abandoned; {@code false} when it ended first and its outcome is on its way
     */
    public boolean abandon() {
        boolean abandoned = markAbandoned();
        runner.forget(this);
        if (abandoned) {
            span.end();
        }
        return abandoned;
    }

    /** Whether the run was abandoned: it never starts, or its outcome is dropped. */
    public synchronized boolean isAbandoned() {
        return state == State.ABANDONED;
    }

    /**
     * Stops the run because its job was cancelled: a running attempt is interrupted and ends as cancelled, a queued
     * one ends as cancelled when it comes up, without running.
     *
     * @return whether the attempt had started
     */
    synchronized boolean cancel(String requestedBy) {
        if (state != State.QUEUED && state != State.RUNNING) {
            return false;
        }
        stop = new Stop(true, "cancelled by " + requestedBy);
        interruptWorker();
        return state == State.RUNNING;
    }

    /** Interrupts the attempt because it ran longer than {@code timeout}; it then ends as a failed attempt. */
    synchronized void timeOut(Duration timeout) {
        if (state == State.RUNNING && stop == null) {
            stop = new Stop(false, "attempt " + job.attempt() + " ran longer than its timeout of "
                    + timeout.toSeconds() + "s");
            interruptWorker();
        }
    }

    /** Whether the job was cancelled before the attempt started. */
    public synchronized boolean cancelledBeforeStart() {
        return stop != null && stop.cancellation();
    }

    /**
     * Why the attempt failed, given what its handler threw.
     *
     * @return the failure to report, or {@code null} when the run was abandoned and reports nothing
     */
    synchronized @Nullable Exception failureOf(Exception thrown) {
        if (state == State.ABANDONED) {
            return null;
        }
        if (stop == null) {
            return thrown;
        }
        return stop.cancellation() ? new JobCancelledException(stop.reason(), thrown)
                : new JobTimeoutException(stop.reason(), thrown);
    }

    private void interruptWorker() {
        if (worker != null) {
            worker.interrupt();
        }
    }

    private synchronized boolean markAbandoned() {
        if (state == State.ENDED || state == State.ABANDONED) {
            return state == State.ABANDONED;
        }
        state = State.ABANDONED;
        interruptWorker();
        return true;
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

    private void leave() {
        synchronized (this) {
            worker = null;
            if (state == State.ABANDONED || stop != null) {
                // An interrupt that stopped this run is meant for it only, not for the next task of this thread.
                Thread.interrupted();
            }
        }
        runner.forget(this);
    }

    /** Why a run was asked to stop before its handler returned. */
    private record Stop(boolean cancellation, String reason) {
    }
}
