package dev.jobstream.processor.consumption;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

    private final OffsetTracker tracker = new OffsetTracker();

    @Test
    void hasNothingToCommitBeforeTheFirstRecord() {
        // when / then
        assertThat(tracker.committable()).isEmpty();
        assertThat(tracker.unfinished()).isZero();
    }

    @Test
    void commitsAtAnUnfinishedRecord() {
        // given
        tracker.track(7);

        // when / then
        assertThat(tracker.committable()).hasValue(7);
        assertThat(tracker.unfinished()).isEqualTo(1);
    }

    @Test
    void commitsPastTheNewestRecordOnceAllFinished() {
        // given
        tracker.track(7);
        tracker.track(8);

        // when
        tracker.finish(8);
        tracker.finish(7);

        // then
        assertThat(tracker.committable()).hasValue(9);
        assertThat(tracker.unfinished()).isZero();
    }

    @Test
    void stopsAtTheOldestUnfinishedRecordWhileLaterOnesFinishFirst() {
        // given
        for (long offset = 10; offset <= 20; offset++) {
            tracker.track(offset);
        }

        // when
        for (long offset = 11; offset <= 20; offset++) {
            tracker.finish(offset);
        }

        // then
        assertThat(tracker.committable()).hasValue(10);
        assertThat(tracker.unfinished()).isEqualTo(1);
    }

    @Test
    void movesToTheNextUnfinishedRecordWhenTheOldestFinishes() {
        // given
        tracker.track(1);
        tracker.track(2);
        tracker.track(3);
        tracker.track(4);
        tracker.finish(2);

        // when
        tracker.finish(1);

        // then
        assertThat(tracker.committable()).hasValue(3);
    }

    @Test
    void gapsBetweenOffsetsDoNotHoldTheCommitBack() {
        // given
        tracker.track(5);
        tracker.track(9);
        tracker.track(14);

        // when
        tracker.finish(14);
        tracker.finish(5);

        // then
        assertThat(tracker.committable()).hasValue(9);

        // and when
        tracker.finish(9);

        // then
        assertThat(tracker.committable()).hasValue(15);
    }

    @Test
    void finishingAnUnknownOrFinishedOffsetChangesNothing() {
        // given
        tracker.track(3);
        tracker.track(4);
        tracker.finish(4);

        // when
        tracker.finish(4);
        tracker.finish(99);

        // then
        assertThat(tracker.committable()).hasValue(3);
        assertThat(tracker.unfinished()).isEqualTo(1);
    }
}
