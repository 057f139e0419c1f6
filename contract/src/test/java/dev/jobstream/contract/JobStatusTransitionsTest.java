package dev.jobstream.contract;

import static dev.jobstream.contract.JobStatus.CANCELLED;
import static dev.jobstream.contract.JobStatus.DEAD;
import static dev.jobstream.contract.JobStatus.DISCARDED;
import static dev.jobstream.contract.JobStatus.DONE;
import static dev.jobstream.contract.JobStatus.PENDING;
import static dev.jobstream.contract.JobStatus.RETRYING;
import static dev.jobstream.contract.JobStatus.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JobStatusTransitionsTest {

    @Test
    void jobMovesForwardThroughItsLife() {
        assertThat(advances(PENDING, 0, 1, RUNNING, 0, 1)).isTrue();
        assertThat(advances(RUNNING, 0, 1, RETRYING, 0, 1)).isTrue();
        assertThat(advances(RETRYING, 0, 1, RUNNING, 0, 2)).isTrue();
        assertThat(advances(RUNNING, 0, 2, DEAD, 0, 2)).isTrue();
        assertThat(advances(DEAD, 0, 2, DISCARDED, 0, 2)).isTrue();
    }

    @Test
    void lateRunningEventDoesNotReopenAFinishedJob() {
        assertThat(advances(DONE, 0, 1, RUNNING, 0, 1)).isFalse();
    }

    @Test
    void duplicateEventDoesNotMoveAJob() {
        assertThat(advances(RUNNING, 0, 1, RUNNING, 0, 1)).isFalse();
        assertThat(advances(RETRYING, 0, 2, RETRYING, 0, 2)).isFalse();
    }

    @Test
    void eventOfAnEarlierAttemptIsIgnored() {
        assertThat(advances(RUNNING, 0, 3, RETRYING, 0, 2)).isFalse();
    }

    @Test
    void replayStartsANewGenerationFromDead() {
        assertThat(advances(DEAD, 0, 4, PENDING, 1, 1)).isTrue();
        assertThat(advances(PENDING, 1, 1, DEAD, 0, 4)).isFalse();
    }

    @Test
    void pendingRecordArrivingAfterTheJobStartedDoesNotMoveItBack() {
        assertThat(advances(RUNNING, 0, 1, PENDING, 0, 1)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = JobStatus.class, names = {"DONE", "FAILED", "CANCELLED", "DISCARDED"})
    void finishedJobsAllowNoFurtherMove(JobStatus finished) {
        for (JobStatus next : JobStatus.values()) {
            assertThat(JobStatusTransitions.allows(finished, next)).as("%s -> %s", finished, next).isFalse();
        }
    }

    @Test
    void deadJobCanOnlyBeDiscardedWithinItsGeneration() {
        assertThat(JobStatusTransitions.allows(DEAD, DISCARDED)).isTrue();
        assertThat(JobStatusTransitions.allows(DEAD, RUNNING)).isFalse();
        assertThat(JobStatusTransitions.allows(DEAD, CANCELLED)).isFalse();
    }

    private static boolean advances(JobStatus from, int fromGeneration, int fromAttempt, JobStatus to,
            int toGeneration, int toAttempt) {
        return JobStatusTransitions.advances(new JobPosition(from, fromGeneration, fromAttempt),
                new JobPosition(to, toGeneration, toAttempt));
    }
}
