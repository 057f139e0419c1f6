package dev.jobstream.projector.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeltaBufferTest {

    private final DeltaBuffer buffer = new DeltaBuffer(3);

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
}
