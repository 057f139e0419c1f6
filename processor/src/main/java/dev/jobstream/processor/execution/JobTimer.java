package dev.jobstream.processor.execution;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * One timer thread for the moments jobs wait for: the end of an attempt's timeout, and the start of an attempt
 * whose {@code not_before} is moments away. Its tasks only flag or hand over work, never run a job.
 */
@Component
public class JobTimer implements DisposableBean {

    private final ScheduledThreadPoolExecutor executor;

    JobTimer() {
        CustomizableThreadFactory threads = new CustomizableThreadFactory("job-timer-");
        threads.setDaemon(true);
        executor = new ScheduledThreadPoolExecutor(1, threads);
        executor.setRemoveOnCancelPolicy(true);
    }

    /** Runs a task once a delay has passed; cancel the returned future when it is no longer wanted. */
    public ScheduledFuture<?> after(Duration delay, Runnable task) {
        return executor.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
