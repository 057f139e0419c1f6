package dev.jobstream.processor.consumption;

import static dev.jobstream.contract.JobStatus.DONE;
import static dev.jobstream.contract.JobStatus.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jobstream.processor.JobsTopic;
import dev.jobstream.processor.StatusEvents;
import dev.jobstream.processor.TestJob;
import dev.jobstream.processor.TestProcessors;
import dev.jobstream.testsupport.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A partition holding as many unfinished records as {@code max-in-flight-per-partition} allows reads no more
 * until one of them finishes.
 */
class InFlightBoundTest {

    private static final int PARTITION = 0;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final TestInfrastructure infrastructure = TestInfrastructure.shared();

    @Test
    void fullPartitionStartsTheNextJobOnlyAfterAnUnfinishedOneIsDone() throws Exception {
        // given
        List<TestJob> sleeps = List.of(TestJob.sleep(2), TestJob.sleep(2));
        TestJob quick = TestJob.quick();
        try (ConfigurableApplicationContext processor =
                TestProcessors.start("--jobstream.processor.max-in-flight-per-partition=2");
                JobsTopic jobs = new JobsTopic(infrastructure.bootstrapServers());
                StatusEvents events = new StatusEvents(infrastructure.bootstrapServers())) {

            // when
            sleeps.forEach(sleep -> jobs.publish(PARTITION, sleep));
            jobs.publish(PARTITION, quick);

            // then
            await().atMost(PATIENCE).until(() -> events.first(quick.id(), DONE).isPresent());
            Instant quickStarted = events.first(quick.id(), RUNNING).orElseThrow().occurredAt();
            Instant firstSleepDone = sleeps.stream().map(sleep -> events.first(sleep.id(), DONE))
                    .flatMap(done -> done.stream()).map(done -> done.occurredAt()).min(Instant::compareTo)
                    .orElseThrow();
            assertThat(quickStarted).isAfterOrEqualTo(firstSleepDone);
        }
    }
}
