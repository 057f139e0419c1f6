package dev.jobstream.processor.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstream.contract.InvalidJobRecordException;
import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.JobIds;
import dev.jobstream.contract.JobRecord;
import dev.jobstream.contract.JobStatus;
import dev.jobstream.processor.handler.JobFailedException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailureOutcomeTest {

    private final FailureOutcome failures = new FailureOutcome();

    @Test
    void failedJobIsRetriedWhileItsAttemptIsWithinItsRetries() {
        // given
        JobRecord firstOfFour = failJob(3);

        // when / then
        assertThat(failures.after(firstOfFour, new JobFailedException("no"))).isEqualTo(JobStatus.RETRYING);
        assertThat(failures.after(attempt(firstOfFour, 3), new JobFailedException("no")))
                .isEqualTo(JobStatus.RETRYING);
        assertThat(failures.after(attempt(firstOfFour, 4), new JobFailedException("no"))).isEqualTo(JobStatus.DEAD);
    }

    @Test
    void jobWithoutRetriesIsDeadAfterItsFirstAttempt() {
        // when / then
        assertThat(failures.after(failJob(0), new JobFailedException("no"))).isEqualTo(JobStatus.DEAD);
    }

    @Test
    void timeoutsAndUnexpectedExceptionsAreRetriedLikeFailedJobs() {
        // when / then
        assertThat(failures.after(failJob(1), new JobTimeoutException("slow", new InterruptedException())))
                .isEqualTo(JobStatus.RETRYING);
        assertThat(failures.after(failJob(1), new IllegalStateException("bug"))).isEqualTo(JobStatus.RETRYING);
    }

    @Test
    void cancellationEndsTheJobCancelledWhateverItsRetries() {
        // when / then
        assertThat(failures.after(failJob(3), new JobCancelledException("by someone", new InterruptedException())))
                .isEqualTo(JobStatus.CANCELLED);
    }

    @Test
    void invalidRecordsAreNeverRetriedWhateverTheirMessageSays() {
        // given
        InvalidJobRecordException invalid = new InvalidJobRecordException("timeout, please retry", JobIds.newId(),
                null, null);

        // when / then
        assertThat(FailureOutcome.isRetryable(invalid)).isFalse();
        assertThat(failures.after(failJob(3), invalid)).isEqualTo(JobStatus.DEAD);
        assertThat(failures.afterInvalidRecord(invalid)).isEqualTo(JobStatus.DEAD);
    }

    private static JobRecord failJob(int maxRetries) {
        return JobRecord.accepted(JobIds.newId(), "user", JobCodec.mapper().createObjectNode().put("type", "fail"),
                maxRetries, Instant.now(), null);
    }

    private static JobRecord attempt(JobRecord job, int attempt) {
        JobRecord next = job;
        while (next.attempt() < attempt) {
            next = next.nextAttempt(Instant.now(), Instant.now());
        }
        return next;
    }
}
