package dev.jobstream.processor.execution;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The attempts this processor has taken on and not yet finished, queued or running, so a cancellation can reach
 * them.
 *
 * <p>A job is checked against the cancellation table when it is claimed, and only afterwards taken on here; a
 * cancellation is noted here before it is stored in that table. Cancellations are kept here for a while, and an
 * attempt taken on after its job was cancelled is cancelled at once, so a request that arrives between the check
 * and the taking on still stops the job.
 */
@Component
public class RunningJobs {

    private static final Duration REMEMBERED = Duration.ofMinutes(1);

    private final Set<JobRun> runs = new HashSet<>();
    private final Map<JobGeneration, Request> cancelled = new LinkedHashMap<>();
    private final Clock clock;

    RunningJobs(Clock clock) {
        this.clock = clock;
    }

    /**
     * Cancels the attempts of a job's generation that this processor has taken on.
     *
     * @return whether one of them had started; it then ends as cancelled by itself, while attempts that were
     *     still queued end as cancelled once they come up, without running
     */
    public synchronized boolean cancel(UUID jobId, int generation, String requestedBy) {
        forgetOldCancellations();
        JobGeneration key = new JobGeneration(jobId, generation);
        cancelled.remove(key);
        cancelled.put(key, new Request(requestedBy, clock.instant()));
        boolean started = false;
        for (JobRun run : runs) {
            if (run.job().id().equals(jobId) && run.job().generation() == generation) {
                started |= run.cancel(requestedBy);
            }
        }
        return started;
    }

    synchronized void add(JobRun run) {
        runs.add(run);
        Request request = cancelled.get(new JobGeneration(run.job().id(), run.job().generation()));
        if (request != null) {
            run.cancel(request.requestedBy());
        }
    }

    synchronized void remove(JobRun run) {
        runs.remove(run);
    }

    private void forgetOldCancellations() {
        Instant cutoff = clock.instant().minus(REMEMBERED);
        Iterator<Request> oldestFirst = cancelled.values().iterator();
        while (oldestFirst.hasNext() && oldestFirst.next().at().isBefore(cutoff)) {
            oldestFirst.remove();
        }
    }

    private record JobGeneration(UUID jobId, int generation) {
    }

    private record Request(String requestedBy, Instant at) {
    }
}
