package dev.jobstream.projector.dashboard;

import dev.jobstream.contract.JobError;
import dev.jobstream.contract.JobStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns a job's history, one row of {@code readmodel.job_events} per event, into its attempts.
 */
final class AttemptHistory {

    private AttemptHistory() {
    }

    /**
     * The attempts the events tell of, oldest first.
     *
     * @param events the job's events ordered by generation, attempt and time
     */
    static List<AttemptView> attempts(List<HistoryEvent> events) {
        Map<List<Integer>, AttemptView> byAttempt = new LinkedHashMap<>();
        for (HistoryEvent event : events) {
            if (event.attempt() > 0 || event.status().isSettled()) {
                List<Integer> key = List.of(event.generation(), event.attempt());
                byAttempt.put(key, event.applyTo(byAttempt.get(key)));
            }
        }
        return new ArrayList<>(byAttempt.values());
    }

    /**
     * One event of a job's history.
     *
     * @param generation its generation
     * @param attempt its attempt
     * @param status the status it moved the job to
     * @param occurredAt when it happened
     * @param workerId the worker that sent it
     * @param startedAt when its attempt started, on an event that ends one
     * @param error why the attempt failed
     */
    record HistoryEvent(int generation, int attempt, JobStatus status, Instant occurredAt, @Nullable String workerId,
            @Nullable Instant startedAt, @Nullable JobError error) {

        /** The attempt after this event: a running event starts it, any other ends it. */
        AttemptView applyTo(@Nullable AttemptView before) {
            boolean starts = status == JobStatus.RUNNING;
            Instant start = starts ? occurredAt : orElse(startedAt, before == null ? null : before.startedAt());
            return AttemptView.of(generation, attempt, status.wireName(),
                    orElse(workerId, before == null ? null : before.workerId()), start, starts ? null : occurredAt,
                    orElse(error, before == null ? null : before.error()));
        }

        private static <T> @Nullable T orElse(@Nullable T preferred, @Nullable T fallback) {
            return preferred != null ? preferred : fallback;
        }
    }
}
