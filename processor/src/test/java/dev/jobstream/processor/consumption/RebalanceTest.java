package dev.jobstream.processor.consumption;

import static dev.jobstream.contract.JobStatus.DONE;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A second processor joins the group while the first runs a job on every partition: the partitions that move
 * are handed over after the revoke grace, and every job is done exactly once, by whoever owns it at the end. The
 * jobs last long enough for the second processor to start and the group to rebalance on a busy machine.
 */
class RebalanceTest {

    private static final int PARTITIONS = 6;
    private static final Duration PATIENCE = Duration.ofSeconds(45);

    private final TestInfrastructure infrastructure = TestInfrastructure.shared();

    @Test
    void jobsOfPartitionsHandedToASecondProcessorAreInterruptedThenDoneOnceThere() throws Exception {
        // given
        ConfigurableApplicationContext first = TestProcessors.start("--jobstream.processor.revoke-grace=1s");
        String firstWorker = TestProcessors.workerOf(first);
        List<TestJob> sleeps = IntStream.range(0, PARTITIONS).mapToObj(i -> TestJob.sleep(10)).toList();
        try (JobsTopic jobs = new JobsTopic(infrastructure.bootstrapServers());
                StatusEvents events = new StatusEvents(infrastructure.bootstrapServers())) {
            IntStream.range(0, PARTITIONS).forEach(partition -> jobs.publish(partition, sleeps.get(partition)));
            await().atMost(PATIENCE)
                    .until(() -> sleeps.stream().allMatch(job -> events.first(job.id(), RUNNING).isPresent()));

            // when
            try (ConfigurableApplicationContext second = TestProcessors.start()) {
                String secondWorker = TestProcessors.workerOf(second);

                // then
                await().atMost(PATIENCE)
                        .until(() -> sleeps.stream().allMatch(job -> events.first(job.id(), DONE).isPresent()));
                await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                        .until(() -> sleeps.stream().allMatch(job -> events.of(job.id(), DONE).size() == 1));
                Map<String, List<TestJob>> doneBy = sleeps.stream().collect(Collectors.groupingBy(
                        job -> events.first(job.id(), DONE).orElseThrow().workerId()));
                assertThat(doneBy.keySet()).containsExactlyInAnyOrder(firstWorker, secondWorker);
                assertThat(doneBy.get(firstWorker)).allSatisfy(job -> assertThat(events.of(job.id(), RUNNING))
                        .extracting(JobStatusEvent::workerId).containsExactly(firstWorker));
                assertThat(doneBy.get(secondWorker)).allSatisfy(job -> {
                    assertThat(events.of(job.id(), RUNNING)).extracting(JobStatusEvent::workerId)
                            .containsExactly(firstWorker, secondWorker);
                    assertThat(second.getBean(JdbcTemplate.class).queryForObject(
                            "select worker_id from processor.job_runs where job_id = ? and finished_at is not null",
                            String.class, job.id())).isEqualTo(secondWorker);
                });
            }
        } finally {
            first.close();
        }
    }
}
