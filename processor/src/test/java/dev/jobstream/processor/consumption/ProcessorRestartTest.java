package dev.jobstream.processor.consumption;

import static dev.jobstream.contract.JobStatus.DEAD;
import static dev.jobstream.contract.JobStatus.DONE;
import static dev.jobstream.contract.JobStatus.RETRYING;
import static dev.jobstream.contract.JobStatus.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jobstream.contract.JobStatusEvent;
import dev.jobstream.processor.JobsTopic;
import dev.jobstream.processor.StatusEvents;
import dev.jobstream.processor.TestJob;
import dev.jobstream.processor.TestProcessors;
import dev.jobstream.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A processor restarted while a job runs: the job is interrupted without an event, and the next processor takes
 * over its claim and runs the same attempt to the end, once. A processor restarted while a job waits for its retry:
 * the next one retries it on time.
 */
class ProcessorRestartTest {

    private static final int PARTITION = 5;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final TestInfrastructure infrastructure = TestInfrastructure.shared();

    @Test
    void jobInterruptedByARestartIsDoneExactlyOnceByTheNextProcessor() throws Exception {
        // given
        ConfigurableApplicationContext first = TestProcessors.start("--jobstream.processor.shutdown-grace=1s");
        String firstWorker = TestProcessors.workerOf(first);
        TestJob sleep = TestJob.sleep(4);
        try (JobsTopic jobs = new JobsTopic(infrastructure.bootstrapServers());
                StatusEvents events = new StatusEvents(infrastructure.bootstrapServers())) {
            jobs.publish(PARTITION, sleep);
            await().atMost(PATIENCE).until(() -> events.first(sleep.id(), RUNNING).isPresent());

            // when
            first.close();
            try (ConfigurableApplicationContext second = TestProcessors.start()) {
                String secondWorker = TestProcessors.workerOf(second);

                // then
                JobStatusEvent done = await().atMost(PATIENCE)
                        .until(() -> events.first(sleep.id(), DONE), Optional::isPresent).orElseThrow();
                assertThat(done.workerId()).isEqualTo(secondWorker).isNotEqualTo(firstWorker);
                await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                        .until(() -> events.of(sleep.id(), DONE).size() == 1);
                assertThat(events.of(sleep.id(), RUNNING)).extracting(JobStatusEvent::workerId)
                        .containsExactly(firstWorker, secondWorker);
                assertThat(events.of(sleep.id())).extracting(JobStatusEvent::status)
                        .containsExactly(RUNNING, RUNNING, DONE);
                assertThat(events.of(sleep.id())).extracting(JobStatusEvent::attempt).containsOnly(1);
                Map<String, Object> run = second.getBean(JdbcTemplate.class).queryForMap(
                        "select worker_id, finished_at from processor.job_runs where job_id = ?", sleep.id());
                assertThat(run.get("worker_id")).isEqualTo(secondWorker);
                assertThat(run.get("finished_at")).isNotNull();
            }
        } finally {
            first.close();
        }
    }

    @Test
    void jobWaitingForItsRetryWhenTheProcessorRestartsIsRetriedOnTime() throws Exception {
        // given
        String[] settings = {"--jobstream.processor.retry.base=8s", "--jobstream.processor.retry.jitter=0"};
        ConfigurableApplicationContext first = TestProcessors.start(settings);
        TestJob job = TestJob.fail("not yet").withMaxRetries(1);
        try (JobsTopic jobs = new JobsTopic(infrastructure.bootstrapServers());
                StatusEvents events = new StatusEvents(infrastructure.bootstrapServers())) {
            jobs.publish(PARTITION, job);
            JobStatusEvent retrying = await().atMost(PATIENCE)
                    .until(() -> events.first(job.id(), RETRYING), Optional::isPresent).orElseThrow();

            // when
            first.close();
            try (ConfigurableApplicationContext second = TestProcessors.start(settings)) {

                // then
                await().atMost(PATIENCE).until(() -> events.first(job.id(), DEAD).isPresent());
                JobStatusEvent retried = events.of(job.id(), RUNNING).get(1);
                assertThat(retried.attempt()).isEqualTo(2);
                assertThat(retried.workerId()).isEqualTo(TestProcessors.workerOf(second));
                assertThat(retried.occurredAt()).isAfterOrEqualTo(retrying.nextAttemptAt())
                        .isBefore(retrying.nextAttemptAt().plusSeconds(1));
            }
        } finally {
            first.close();
        }
    }
}
