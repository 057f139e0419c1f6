package dev.jobstream.projector.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstream.contract.JobError;
import dev.jobstream.contract.JobStatus;
import dev.jobstream.projector.dashboard.AttemptHistory.HistoryEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttemptHistoryTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final JobError BOOM = new JobError("java.lang.IllegalStateException", "boom", "at here");

    @Test
    void aRetriedJobHasOneAttemptPerRunWithItsErrorAndDuration() {
        List<HistoryEvent> events = List.of(
                event(0, 1, JobStatus.RUNNING, 0, null, null),
                event(0, 1, JobStatus.RETRYING, 250, T0, BOOM),
                event(0, 2, JobStatus.RUNNING, 1000, null, null),
                event(0, 2, JobStatus.DONE, 1400, T0.plusMillis(1000), null));

        List<AttemptView> attempts = AttemptHistory.attempts(events);

        assertThat(attempts).extracting(AttemptView::attempt).containsExactly(1, 2);
        assertThat(attempts.get(0).status()).isEqualTo("retrying");
        assertThat(attempts.get(0).durationMs()).isEqualTo(250);
        assertThat(attempts.get(0).error()).isEqualTo(BOOM);
        assertThat(attempts.get(1).status()).isEqualTo("done");
        assertThat(attempts.get(1).durationMs()).isEqualTo(400);
        assertThat(attempts.get(1).error()).isNull();
    }

    @Test
    void anAttemptStillRunningHasAStartButNoEnd() {
        List<AttemptView> attempts = AttemptHistory.attempts(List.of(event(0, 1, JobStatus.RUNNING, 0, null, null)));

        assertThat(attempts).singleElement().satisfies(attempt -> {
            assertThat(attempt.startedAt()).isEqualTo(T0);
            assertThat(attempt.finishedAt()).isNull();
            assertThat(attempt.durationMs()).isNull();
        });
    }

    @Test
    void anEndWithoutItsRunningEventTakesTheStartItNames() {
        List<AttemptView> attempts = AttemptHistory.attempts(List.of(event(1, 1, JobStatus.DEAD, 300, T0, BOOM)));

        assertThat(attempts).singleElement().satisfies(attempt -> {
            assertThat(attempt.generation()).isEqualTo(1);
            assertThat(attempt.durationMs()).isEqualTo(300);
        });
    }

    @Test
    void aJobCancelledBeforeItRanShowsThatWithoutAnAttempt() {
        List<AttemptView> attempts = AttemptHistory.attempts(List.of(
                event(0, 0, JobStatus.PENDING, 0, null, null),
                event(0, 0, JobStatus.CANCELLED, 50, null, null)));

        assertThat(attempts).singleElement().satisfies(attempt -> {
            assertThat(attempt.attempt()).isZero();
            assertThat(attempt.status()).isEqualTo("cancelled");
        });
    }

    private static HistoryEvent event(int generation, int attempt, JobStatus status, long atMillis,
            Instant startedAt, JobError error) {
        return new HistoryEvent(generation, attempt, status, T0.plusMillis(atMillis), "worker-1", startedAt, error);
    }
}
