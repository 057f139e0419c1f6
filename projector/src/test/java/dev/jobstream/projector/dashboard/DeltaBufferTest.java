package dev.jobstream.projector.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstream.contract.JobStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DeltaBufferTest {

    private final DeltaBuffer buffer = new DeltaBuffer(3, 100);

    @Test
    void aPageThatIsUpToDateMissedNothing() {
        buffer.add(new Delta(1, List.of()));

        assertThat(buffer.after(1, 1)).hasValue(List.of());
    }

    @Test
    void aPageGetsTheChangesAfterItsPositionInOrder() {
        for (long seq = 1; seq <= 3; seq++) {
            buffer.add(new Delta(seq, List.of()));
        }

        assertThat(buffer.after(1, 3)).hasValueSatisfying(missed ->
                assertThat(missed).extracting(Delta::seq).containsExactly(2L, 3L));
    }

    @Test
    void aPageTooFarBehindGetsNothingSinceItNeedsASnapshot() {
        for (long seq = 1; seq <= 5; seq++) {
            buffer.add(new Delta(seq, List.of()));
        }

        assertThat(buffer.after(1, 5)).isEmpty();
        assertThat(buffer.after(2, 5)).hasValueSatisfying(missed ->
                assertThat(missed).extracting(Delta::seq).containsExactly(3L, 4L, 5L));
    }

    @Test
    void aPositionAheadOfTheLatestChangeIsNotResumed() {
        buffer.add(new Delta(1, List.of()));

        assertThat(buffer.after(7, 1)).isEmpty();
    }

    @Test
    void afterClearingNothingCanBeResumedButTheLatestPosition() {
        buffer.add(new Delta(1, List.of()));
        buffer.add(new Delta(2, List.of()));

        buffer.clear();

        assertThat(buffer.after(1, 2)).isEmpty();
        assertThat(buffer.after(2, 2)).hasValue(List.of());
    }

    @Test
    void changesCarryingTooManyJobsAreForgottenOldestFirst() {
        DeltaBuffer bounded = new DeltaBuffer(100, 10);
        for (long seq = 1; seq <= 4; seq++) {
            bounded.add(new Delta(seq, jobs(4)));
        }

        assertThat(bounded.jobs()).isEqualTo(8);
        assertThat(bounded.after(1, 4)).isEmpty();
        assertThat(bounded.after(2, 4)).hasValueSatisfying(missed ->
                assertThat(missed).extracting(Delta::seq).containsExactly(3L, 4L));
    }

    @Test
    void theLatestChangeIsKeptEvenWhenItAloneCarriesTooManyJobs() {
        DeltaBuffer bounded = new DeltaBuffer(100, 10);
        bounded.add(new Delta(1, jobs(3)));
        bounded.add(new Delta(2, jobs(25)));

        assertThat(bounded.jobs()).isEqualTo(25);
        assertThat(bounded.after(1, 2)).hasValueSatisfying(missed ->
                assertThat(missed).extracting(Delta::seq).containsExactly(2L));
    }

    private static List<JobSummary> jobs(int count) {
        return IntStream.range(0, count).mapToObj(i -> new JobSummary(UUID.randomUUID(), "alice", "default",
                JobStatus.DONE, 0, 1, 3, null, null, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, null, Instant.EPOCH))
                .toList();
    }

    @Test
    void aPositionIsReachedWhileEveryChangeAfterItIsKept() {
        for (long seq = 1; seq <= 5; seq++) {
            buffer.add(new Delta(seq, List.of()));
        }

        assertThat(buffer.reaches(5, 5)).isTrue();
        assertThat(buffer.reaches(2, 5)).isTrue();
        assertThat(buffer.reaches(1, 5)).isFalse();
        buffer.clear();
        assertThat(buffer.reaches(4, 5)).isFalse();
        assertThat(buffer.reaches(5, 5)).isTrue();
    }
}
