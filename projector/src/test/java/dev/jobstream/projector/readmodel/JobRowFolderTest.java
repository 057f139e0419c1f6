package dev.jobstream.projector.readmodel;

import static dev.jobstream.projector.TestJobs.aSleepJob;
import static dev.jobstream.projector.TestJobs.anError;
import static dev.jobstream.projector.TestJobs.cancelled;
import static dev.jobstream.projector.TestJobs.dead;
import static dev.jobstream.projector.TestJobs.discarded;
import static dev.jobstream.projector.TestJobs.done;
import static dev.jobstream.projector.TestJobs.nextAttemptOf;
import static dev.jobstream.projector.TestJobs.replayOf;
import static dev.jobstream.projector.TestJobs.retrying;
import static dev.jobstream.projector.TestJobs.running;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.JobRecord;
import dev.jobstream.contract.JobStatus;
import dev.jobstream.contract.JobStatusEvent;
import dev.jobstream.projector.TestJobs;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobRowFolderTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:05:00Z");
    private static final Instant STARTED = Instant.parse("2025-03-01T10:00:01Z");
    private static final Instant FINISHED = Instant.parse("2025-03-01T10:00:02Z");

    private final JobRecord job = aSleepJob();

    @Test
    void aSubmittedJobFillsItsSkeletonAndStaysPending() {
        JobRow row = fold(new JobSubmitted(job));

        assertThat(row.status()).isEqualTo(JobStatus.PENDING);
        assertThat(row.attempt()).isZero();
        assertThat(row.payload()).isEqualTo(job.payload());
        assertThat(row.userId()).isEqualTo("alice");
        assertThat(row.type()).isEqualTo("sleep");
        assertThat(row.maxRetries()).isEqualTo(3);
        assertThat(row.createdAt()).isEqualTo(TestJobs.CREATED_AT);
        assertThat(row.traceId()).isEqualTo(job.traceId());
    }

    @Test
    void aJobThatRanEndsDoneWithItsResultAndTimes() {
        JobRow row = fold(new JobSubmitted(job), status(running(job, STARTED)), status(done(job, STARTED, FINISHED)));

        assertThat(row.status()).isEqualTo(JobStatus.DONE);
        assertThat(row.attempt()).isEqualTo(1);
        assertThat(row.result()).isNotNull();
        assertThat(row.result().get("slept_ms").asInt()).isEqualTo(1000);
        assertThat(row.workerId()).isEqualTo(TestJobs.WORKER);
        assertThat(row.startedAt()).isEqualTo(STARTED);
        assertThat(row.finishedAt()).isEqualTo(FINISHED);
    }

    @Test
    void eventsBeforeTheJobRecordEndDoneAndTheRecordStillFillsThePayload() {
        JobRow row = fold(status(running(job, STARTED)), status(done(job, STARTED, FINISHED)), new JobSubmitted(job));

        assertThat(row.status()).isEqualTo(JobStatus.DONE);
        assertThat(row.payload()).isEqualTo(job.payload());
        assertThat(row.createdAt()).isEqualTo(TestJobs.CREATED_AT);
        assertThat(row.finishedAt()).isEqualTo(FINISHED);
    }

    @Test
    void anEventBeforeTheJobRecordAlreadyNamesTheOwnerAndType() {
        JobRow row = fold(status(running(job, STARTED)));

        assertThat(row.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(row.userId()).isEqualTo("alice");
        assertThat(row.type()).isEqualTo("sleep");
        assertThat(row.payload()).isNull();
    }

    @Test
    void aLateRunningEventDoesNotMoveADoneJobBack() {
        JobRow doneRow = fold(new JobSubmitted(job), status(done(job, STARTED, FINISHED)));

        JobRow row = JobRowFolder.fold(doneRow, List.of(status(running(job, NOW))));

        assertThat(row).isEqualTo(doneRow);
    }

    @Test
    void aDuplicateDoneEventChangesNothing() {
        JobStatusEvent doneEvent = done(job, STARTED, FINISHED);
        JobRow doneRow = fold(new JobSubmitted(job), status(running(job, STARTED)), status(doneEvent));

        JobRow row = JobRowFolder.fold(doneRow, List.of(status(doneEvent)));

        assertThat(row).isEqualTo(doneRow);
    }

    @Test
    void aRetryingJobWaitsForItsNextAttemptAndKeepsTheError() {
        Instant nextAttemptAt = FINISHED.plusSeconds(4);

        JobRow row = fold(new JobSubmitted(job), status(running(job, STARTED)),
                status(retrying(job, STARTED, FINISHED, nextAttemptAt)), new JobSubmitted(nextAttemptOf(job, NOW)));

        assertThat(row.status()).isEqualTo(JobStatus.RETRYING);
        assertThat(row.nextAttemptAt()).isEqualTo(nextAttemptAt);
        assertThat(row.lastError()).isEqualTo(anError());
        assertThat(row.finishedAt()).isNull();
    }

    @Test
    void theNextAttemptRunningStartsAnewAndClearsTheWait() {
        JobRecord secondAttempt = nextAttemptOf(job, NOW);

        JobRow row = fold(new JobSubmitted(job), status(running(job, STARTED)),
                status(retrying(job, STARTED, FINISHED, NOW)), status(running(secondAttempt, NOW)));

        assertThat(row.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(row.attempt()).isEqualTo(2);
        assertThat(row.startedAt()).isEqualTo(NOW);
        assertThat(row.nextAttemptAt()).isNull();
        assertThat(row.lastError()).isEqualTo(anError());
    }

    @Test
    void aReplayOfADeadJobMakesItPendingInTheNextGeneration() {
        JobRow row = fold(new JobSubmitted(job), status(running(job, STARTED)), status(dead(job, STARTED, FINISHED)),
                new JobSubmitted(replayOf(job)));

        assertThat(row.status()).isEqualTo(JobStatus.PENDING);
        assertThat(row.generation()).isEqualTo(1);
        assertThat(row.attempt()).isZero();
        assertThat(row.finishedAt()).isNull();
        assertThat(row.startedAt()).isNull();
        assertThat(row.lastError()).isEqualTo(anError());
    }

    @Test
    void aRetryingEventAloneSetsTheNextAttemptAndTheLastError() {
        Instant nextAttemptAt = FINISHED.plusSeconds(4);

        JobRow row = fold(new JobSubmitted(job), status(retrying(job, STARTED, FINISHED, nextAttemptAt)));

        assertThat(row.status()).isEqualTo(JobStatus.RETRYING);
        assertThat(row.nextAttemptAt()).isEqualTo(nextAttemptAt);
        assertThat(row.lastError()).isEqualTo(anError());
    }

    @Test
    void aDeadJobIsSettledWithItsErrorAndTheTimeItDied() {
        JobRecord secondAttempt = nextAttemptOf(job, FINISHED);

        JobRow row = fold(new JobSubmitted(job), status(retrying(job, STARTED, FINISHED, NOW)),
                status(running(secondAttempt, NOW)), status(dead(secondAttempt, NOW, NOW.plusSeconds(1))));

        assertThat(row.status()).isEqualTo(JobStatus.DEAD);
        assertThat(row.finishedAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(row.lastError()).isEqualTo(anError());
        assertThat(row.nextAttemptAt()).isNull();
        assertThat(row.attempt()).isEqualTo(2);
    }

    @Test
    void aReplayClearsTheWaitTheResultAndTheFinishTimeOfTheRunBefore() {
        JobRow deadWithLeftovers = new JobRow(job.id(), "alice", "sleep", job.payload(), JobStatus.DEAD, 0, 4, 3,
                JobCodec.mapper().createObjectNode().put("partial", true), anError(), TestJobs.WORKER,
                job.traceId(), TestJobs.CREATED_AT, STARTED, FINISHED, NOW, NOW);

        JobRow row = JobRowFolder.fold(deadWithLeftovers, List.of(new JobSubmitted(replayOf(job))));

        assertThat(row.status()).isEqualTo(JobStatus.PENDING);
        assertThat(row.generation()).isEqualTo(1);
        assertThat(row.attempt()).isZero();
        assertThat(row.nextAttemptAt()).isNull();
        assertThat(row.result()).isNull();
        assertThat(row.finishedAt()).isNull();
        assertThat(row.startedAt()).isNull();
        assertThat(row.workerId()).isNull();
    }

    @Test
    void aDiscardedDeadJobIsSettledAndKeepsItsError() {
        JobRow row = fold(new JobSubmitted(job), status(dead(job, STARTED, FINISHED)),
                status(discarded(job, NOW)));

        assertThat(row.status()).isEqualTo(JobStatus.DISCARDED);
        assertThat(row.status().isSettled()).isTrue();
        assertThat(row.finishedAt()).isEqualTo(NOW);
        assertThat(row.lastError()).isEqualTo(anError());
    }

    @Test
    void aJobIsCancelledWhetherItWaitsRetriesOrRuns() {
        JobRow pending = fold(new JobSubmitted(job), status(cancelled(job, NOW)));
        JobRow running = fold(new JobSubmitted(job), status(running(job, STARTED)), status(cancelled(job, NOW)));
        JobRow retrying = fold(new JobSubmitted(job), status(retrying(job, STARTED, FINISHED, NOW.plusSeconds(9))),
                status(cancelled(job, NOW)));

        assertThat(List.of(pending, running, retrying)).allSatisfy(row -> {
            assertThat(row.status()).isEqualTo(JobStatus.CANCELLED);
            assertThat(row.finishedAt()).isEqualTo(NOW);
            assertThat(row.nextAttemptAt()).isNull();
        });
    }

    @Test
    void aCancelledJobIsNotReopenedByItsPendingRetryOrALateEvent() {
        JobRow cancelledRow = fold(new JobSubmitted(job), status(running(job, STARTED)), status(cancelled(job, NOW)));

        JobRow row = JobRowFolder.fold(cancelledRow, List.of(new JobSubmitted(nextAttemptOf(job, NOW)),
                status(retrying(job, STARTED, FINISHED, NOW)), status(done(job, STARTED, FINISHED))));

        assertThat(row.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(row.finishedAt()).isEqualTo(NOW);
    }

    @Test
    void aDeadJobIsNotDiscardedByAnEventOfAnEarlierGeneration() {
        JobRecord replayed = replayOf(job);
        JobRow row = fold(new JobSubmitted(job), status(dead(job, STARTED, FINISHED)), new JobSubmitted(replayed),
                status(running(replayed, NOW)), status(dead(replayed, NOW, NOW.plusSeconds(1))));

        JobRow after = JobRowFolder.fold(row, List.of(status(discarded(job, NOW.plusSeconds(2)))));

        assertThat(after).isEqualTo(row);
        assertThat(after.generation()).isEqualTo(1);
    }

    @Test
    void aLateEventOfAnEarlierGenerationDoesNotMoveAReplayedJob() {
        JobRow replayed = fold(new JobSubmitted(job), status(dead(job, STARTED, FINISHED)),
                new JobSubmitted(replayOf(job)));

        JobRow row = JobRowFolder.fold(replayed, List.of(status(running(job, NOW))));

        assertThat(row).isEqualTo(replayed);
    }

    @Test
    void onlyRowsTheBatchChangedAreReturnedAndStampedWithTheBatchTime() {
        JobRecord other = aSleepJob();
        JobRow doneRow = fold(new JobSubmitted(job), status(done(job, STARTED, FINISHED)));
        JobRow otherRow = JobRow.skeleton(other.id(), STARTED);
        List<JobChange> batch = List.of(status(running(job, NOW)), new JobSubmitted(other));

        List<JobRow> changed = JobRowFolder.changedRows(Map.of(job.id(), doneRow, other.id(), otherRow),
                JobRowFolder.byJob(batch), NOW);

        assertThat(changed).singleElement().satisfies(row -> {
            assertThat(row.id()).isEqualTo(other.id());
            assertThat(row.payload()).isEqualTo(other.payload());
            assertThat(row.updatedAt()).isEqualTo(NOW);
        });
    }

    @Test
    void aBatchIsGroupedByJobKeepingEachJobsChangesInOrder() {
        JobRecord other = aSleepJob();
        JobChange first = new JobSubmitted(job);
        JobChange second = new JobSubmitted(other);
        JobChange third = status(running(job, STARTED));

        Map<UUID, List<JobChange>> byJob = JobRowFolder.byJob(List.of(first, second, third));

        assertThat(byJob).containsOnlyKeys(job.id(), other.id());
        assertThat(byJob.get(job.id())).containsExactly(first, third);
    }

    private JobRow fold(JobChange... changes) {
        return JobRowFolder.fold(JobRow.skeleton(job.id(), NOW), Arrays.asList(changes));
    }

    private static JobChange status(JobStatusEvent event) {
        return new StatusChanged(event);
    }
}
