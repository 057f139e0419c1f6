package dev.jobstream.processor.control;

import dev.jobstream.processor.InfrastructureProperties;
import static dev.jobstream.contract.JobStatus.CANCELLED;
import static dev.jobstream.contract.JobStatus.DONE;
import static dev.jobstream.contract.JobStatus.RETRYING;
import static dev.jobstream.contract.JobStatus.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jobstream.contract.JobControl;
import dev.jobstream.contract.JobStatusEvent;
import dev.jobstream.processor.ControlTopic;
import dev.jobstream.processor.JobsTopic;
import dev.jobstream.processor.ProcessorApplication;
import dev.jobstream.processor.StatusEvents;
import dev.jobstream.processor.TestJob;
import dev.jobstream.processor.WorkerId;
import dev.jobstream.processor.execution.JobCancelledException;
import dev.jobstream.testsupport.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Cancelling jobs wherever they are, and a long backoff that holds up nobody else, with retries 30 s apart: long
 * enough to act on a retrying job before it comes back.
 */
@SpringBootTest(classes = ProcessorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"spring.config.name=processor", "logging.level.dev.jobstream=DEBUG",
            "jobstream.processor.retry.base=30s"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class JobControlTest {

    private static final Duration WITHIN_A_SECOND = Duration.ofSeconds(1);

    private static JobsTopic jobs;
    private static StatusEvents events;
    private static ControlTopic control;

    @Autowired
    private WorkerId workerId;

    @Autowired
    private JdbcTemplate jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        InfrastructureProperties.register(registry);
    }

    @BeforeEach
    void connect() {
        if (jobs == null) {
            String bootstrapServers = TestInfrastructure.shared().bootstrapServers();
            jobs = new JobsTopic(bootstrapServers);
            events = new StatusEvents(bootstrapServers);
            control = new ControlTopic(bootstrapServers);
        }
    }

    @AfterAll
    static void disconnect() throws InterruptedException {
        jobs.close();
        events.close();
        control.close();
    }

    @Test
    void otherUsersJobsCompleteWhileAFailingJobBacksOff() {
        // given
        TestJob failing = TestJob.fail("service down").withMaxRetries(1).forUser("unlucky-user");
        jobs.publish(0, failing);
        JobStatusEvent retrying = eventually().until(() -> events.first(failing.id(), RETRYING), Optional::isPresent)
                .orElseThrow();

        // when
        List<TestJob> others = IntStream.range(0, 20).mapToObj(i -> TestJob.quick().forUser("other-user")).toList();
        others.forEach(job -> jobs.publish(0, job));

        // then
        await().atMost(Duration.ofSeconds(10))
                .until(() -> others.stream().allMatch(job -> events.first(job.id(), DONE).isPresent()));
        assertThat(Duration.between(retrying.occurredAt(), retrying.nextAttemptAt()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(24));
        assertThat(others).allSatisfy(job -> assertThat(events.first(job.id(), DONE).orElseThrow().occurredAt())
                .isBefore(retrying.nextAttemptAt()));
        assertThat(events.of(failing.id(), RUNNING)).hasSize(1);
        control.cancel(failing.id(), 1);
        eventually().until(() -> events.first(failing.id(), CANCELLED).isPresent());
    }

    @Test
    void cancellingARetryingJobReportsItCancelledAtOnceAndItsNextAttemptNeverRuns() {
        // given
        TestJob job = TestJob.fail("flaky").withMaxRetries(2);
        jobs.publish(1, job);
        eventually().until(() -> events.first(job.id(), RETRYING).isPresent());

        // when
        JobControl cancel = control.cancel(job.id(), 1);

        // then
        JobStatusEvent cancelled = eventually().until(() -> events.first(job.id(), CANCELLED), Optional::isPresent)
                .orElseThrow();
        assertThat(cancelled.attempt()).isEqualTo(1);
        assertThat(cancelled.occurredAt()).isBefore(cancel.requestedAt().plus(WITHIN_A_SECOND));
        TestJob behind = TestJob.quick();
        jobs.publish(1, job.attempt(2));
        jobs.publish(1, behind);
        eventually().until(() -> events.first(behind.id(), DONE).isPresent());
        assertThat(events.of(job.id(), RUNNING)).extracting(JobStatusEvent::attempt).containsExactly(1);
    }

    @Test
    void cancellingARunningSleepStopsItWithinASecondAndItNeverRunsAgain() {
        // given
        TestJob sleep = TestJob.sleep(60);
        jobs.publish(2, sleep);
        JobStatusEvent running = eventually().until(() -> events.first(sleep.id(), RUNNING), Optional::isPresent)
                .orElseThrow();

        // when
        JobControl cancel = control.cancel(sleep.id(), 1);
        control.cancel(sleep.id(), 1);

        // then
        JobStatusEvent stopped = eventually().until(() -> events.of(sleep.id(), CANCELLED).stream()
                .filter(event -> event.startedAt() != null).findFirst(), Optional::isPresent).orElseThrow();
        assertThat(stopped.occurredAt()).isBefore(cancel.requestedAt().plus(WITHIN_A_SECOND));
        assertThat(stopped.startedAt()).isEqualTo(running.occurredAt());
        assertThat(stopped.workerId()).isEqualTo(workerId.value());
        assertThat(stopped.error().type()).isEqualTo(JobCancelledException.class.getName());
        TestJob behind = TestJob.quick();
        jobs.publish(2, sleep);
        jobs.publish(2, behind);
        eventually().until(() -> events.first(behind.id(), DONE).isPresent());
        assertThat(events.of(sleep.id(), RUNNING)).hasSize(1);
        assertThat(events.of(sleep.id())).extracting(JobStatusEvent::status).containsOnly(RUNNING, CANCELLED);
    }

    @Test
    void cancellingAJobHeldForItsNotBeforeReportsItCancelledAtOnceAndItNeverRuns() {
        // given
        Instant due = Instant.now().plusSeconds(3);
        TestJob held = TestJob.quick().notBefore(due);
        jobs.publish(3, held);
        eventually().until(() -> jdbc.queryForObject("select count(*) from processor.job_runs where job_id = ?",
                Integer.class, held.id()) == 1);

        // when
        JobControl cancel = control.cancel(held.id(), 0);

        // then
        JobStatusEvent cancelled = eventually().until(() -> events.first(held.id(), CANCELLED), Optional::isPresent)
                .orElseThrow();
        assertThat(cancelled.attempt()).isZero();
        assertThat(cancelled.occurredAt()).isBefore(cancel.requestedAt().plus(WITHIN_A_SECOND));
        eventually().until(() -> jdbc.queryForObject(
                "select finished_at is not null from processor.job_runs where job_id = ?", Boolean.class, held.id()));
        assertThat(Instant.now()).isAfterOrEqualTo(due);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> events.of(held.id()).equals(List.of(cancelled)));
    }

    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(30));
    }
}
