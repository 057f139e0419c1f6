package dev.jobstream.processor.execution;

import dev.jobstream.processor.InfrastructureProperties;
import static dev.jobstream.contract.JobStatus.DEAD;
import static dev.jobstream.contract.JobStatus.DONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jobstream.processor.JobsTopic;
import dev.jobstream.processor.ProcessorApplication;
import dev.jobstream.processor.StatusEvents;
import dev.jobstream.processor.TestJob;
import dev.jobstream.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The processor's meters against a real broker and database: jobs published on the jobs topic, the meters read
 * from the registry and from {@code /actuator/prometheus}.
 */
@SpringBootTest(classes = ProcessorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=processor")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ExecutionMetricsTest {

    private static final int JOBS = 3;
    private static final int PARTITION = 5;

    private static JobsTopic jobs;
    private static StatusEvents events;

    @Autowired
    private MeterRegistry registry;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        InfrastructureProperties.register(registry);
    }

    @BeforeEach
    void connect() {
        if (jobs == null) {
            jobs = new JobsTopic(TestInfrastructure.shared().bootstrapServers());
            events = new StatusEvents(TestInfrastructure.shared().bootstrapServers());
        }
    }

    @AfterAll
    static void disconnect() throws InterruptedException {
        jobs.close();
        events.close();
    }

    @Test
    void jobsThatRanAreCountedAsDoneWithTheirDurations() {
        // given
        double doneBefore = count(ExecutionMetrics.EXECUTIONS, "compute", "outcome", "done");
        long durationsBefore = samples(ExecutionMetrics.DURATION);
        long waitsBefore = samples(ExecutionMetrics.QUEUE_WAIT);
        List<TestJob> computed = IntStream.range(0, JOBS).mapToObj(i -> TestJob.compute(1000)).toList();

        // when
        computed.forEach(job -> jobs.publish(PARTITION, job));

        // then
        computed.forEach(job -> eventually().until(() -> events.first(job.id(), DONE).isPresent()));
        assertThat(count(ExecutionMetrics.EXECUTIONS, "compute", "outcome", "done")).isEqualTo(doneBefore + JOBS);
        assertThat(samples(ExecutionMetrics.DURATION)).isEqualTo(durationsBefore + JOBS);
        assertThat(samples(ExecutionMetrics.QUEUE_WAIT)).isEqualTo(waitsBefore + JOBS);
        assertThat(registry.get(ExecutionMetrics.RUNNING).gauge().value()).isZero();
    }

    @Test
    void jobWithoutRetriesLeftIsCountedDeadAndDeadLettered() {
        // given
        double deadBefore = count(ExecutionMetrics.DEAD_LETTERED, "fail");
        TestJob failing = TestJob.fail("metrics").withMaxRetries(0);

        // when
        jobs.publish(PARTITION, failing);

        // then
        eventually().until(() -> events.first(failing.id(), DEAD).isPresent());
        assertThat(count(ExecutionMetrics.DEAD_LETTERED, "fail")).isEqualTo(deadBefore + 1);
        assertThat(count(ExecutionMetrics.EXECUTIONS, "fail", "outcome", "dead")).isPositive();
    }

    @Test
    void prometheusEndpointShowsTheExecutionMetersAndTheConsumerLag() {
        // given
        TestJob job = TestJob.compute(1000);

        // when
        jobs.publish(PARTITION, job);

        // then
        eventually().until(() -> events.first(job.id(), DONE).isPresent());
        eventually().untilAsserted(() -> assertThat(scrape()).contains("jobstream_executions_total{")
                .contains("jobstream_job_duration_seconds_bucket{").contains("jobstream_queue_wait_seconds_bucket{")
                .contains("jobstream_jobs_running").contains("kafka_consumer_fetch_manager_records_lag{"));
    }

    private double count(String meter, String type, String... tags) {
        return registry.find(meter).tags("type", type).tags(tags).counters()
                .stream().mapToDouble(Counter::count).sum();
    }

    private long samples(String meter) {
        Timer timer = registry.find(meter).tags("type", "compute").timer();
        return timer == null ? 0 : timer.count();
    }

    private String scrape() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(60));
    }
}
