package dev.jobstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole platform scraped as Prometheus would, after a known set of jobs: each service's
 * {@code /actuator/prometheus} has the series docs/metrics.md names, with counts that match those jobs. The platform
 * runs on a Kafka and a PostgreSQL of its own, started as the embedded run starts them, so that no other test's jobs
 * are counted.
 */
class PrometheusScrapeTest {

    /** Computed jobs, each done at its first attempt; one is submitted again with its idempotency key. */
    private static final int COMPUTED = 4;

    /** Failing jobs with one retry: each fails twice, is retried once and then dead-lettered. */
    private static final int FAILING = 2;

    /**
     * No-op jobs, submitted once both of the projector's consumers hold their partitions. Kafka reports a
     * partition's lag only after a fetch brings records of it, and a consumer that keeps partitions through a
     * rebalance may not fetch them again until they have new records; this many jobs reach all six partitions of
     * each topic but for a chance of about one in ten thousand.
     */
    private static final int NO_OP = 60;

    private static final int PARTITIONS = 6;
    private static final String USER = "scraped";
    private static final String COMPUTE = "{\"payload\": {\"type\": \"compute\", \"size\": 1000}}";
    private static final String NO_OP_JOB = "{\"payload\": {\"type\": \"default\"}}";
    private static final String FAIL = "{\"payload\": {\"type\": \"fail\", \"message\": \"no\"}, \"max_retries\": 1}";

    @TempDir
    static Path data;

    private static JobstreamPlatform platform;

    @BeforeAll
    static void runTheJobs() {
        platform = JobstreamPlatform.start(new LauncherSettings(data, 0, 0, 0, 0, 0, null, null,
                SharedPlatform.UNTHROTTLED));
        JobsApi api = new JobsApi(platform.gatewayPort());
        awaitProjectorConsumersAssigned();
        List<String> computed = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        List<String> noOp = new ArrayList<>();
        for (int i = 0; i < COMPUTED; i++) {
            computed.add(accepted(api.submit(USER, COMPUTE, "Idempotency-Key", "computed-" + i)));
        }
        for (int i = 0; i < FAILING; i++) {
            failing.add(accepted(api.submit(USER, FAIL)));
        }
        for (int i = 0; i < NO_OP; i++) {
            noOp.add(accepted(api.submit(USER, NO_OP_JOB)));
        }
        accepted(api.submit(USER, COMPUTE, "Idempotency-Key", "computed-0"));
        refused(api.submit(USER, COMPUTE + " ".repeat(65 * 1024)), 413);
        refused(api.submitAs("text/plain", USER, COMPUTE), 415);
        refused(api.submit(USER, "{not json"), 400);

        eventually().until(() -> computed.stream().allMatch(id -> statusOf(api, id).equals("done"))
                && failing.stream().allMatch(id -> statusOf(api, id).equals("dead"))
                && noOp.stream().allMatch(id -> statusOf(api, id).equals("done")));
    }

    /** Until both consumers of the projector's group hold three partitions of each of its two topics. */
    private static void awaitProjectorConsumersAssigned() {
        eventually().untilAsserted(() -> assertThat(PrometheusScrape.of(platform.projectorPort())
                .series("kafka_consumer_coordinator_assigned_partitions"))
                .extracting(PrometheusScrape.Series::value).containsExactly(6.0, 6.0));
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void gatewayCountsEverySubmissionByTypeOutcomeAndReason() {
        PrometheusScrape gateway = PrometheusScrape.of(platform.gatewayPort());

        String submissions = "jobstream_submissions_total";
        assertThat(gateway.sum(submissions, "type", "compute", "outcome", "accepted", "reason", "none"))
                .isEqualTo(COMPUTED);
        assertThat(gateway.sum(submissions, "type", "fail", "outcome", "accepted", "reason", "none"))
                .isEqualTo(FAILING);
        assertThat(gateway.sum(submissions, "type", "compute", "outcome", "replayed", "reason", "none")).isEqualTo(1);
        assertThat(gateway.sum(submissions, "outcome", "rejected", "reason", "too-large")).isEqualTo(1);
        assertThat(gateway.sum(submissions, "outcome", "rejected", "reason", "unsupported-media-type")).isEqualTo(1);
        assertThat(gateway.sum(submissions, "outcome", "rejected", "reason", "malformed")).isEqualTo(1);
        assertThat(gateway.sum(submissions, "type", "default", "outcome", "accepted", "reason", "none"))
                .isEqualTo(NO_OP);
        assertThat(gateway.sum(submissions)).isEqualTo(COMPUTED + FAILING + NO_OP + 4);
    }

    @Test
    void processorCountsExecutionsDurationsQueueWaitsRetriesAndDeadLetters() {
        eventually().untilAsserted(() -> {
            PrometheusScrape processor = PrometheusScrape.of(platform.processorPort());

            assertThat(processor.sum("jobstream_executions_total", "type", "compute", "outcome", "done"))
                    .isEqualTo(COMPUTED);
            assertThat(processor.sum("jobstream_executions_total", "type", "fail", "outcome", "retrying"))
                    .isEqualTo(FAILING);
            assertThat(processor.sum("jobstream_executions_total", "type", "fail", "outcome", "dead"))
                    .isEqualTo(FAILING);
            assertThat(processor.sum("jobstream_executions_total", "type", "default", "outcome", "done"))
                    .isEqualTo(NO_OP);
            assertThat(processor.sum("jobstream_executions_total")).isEqualTo(COMPUTED + 2 * FAILING + NO_OP);
            assertThat(processor.sum("jobstream_job_duration_seconds_count", "type", "compute")).isEqualTo(COMPUTED);
            assertThat(processor.sum("jobstream_job_duration_seconds_count", "type", "fail")).isEqualTo(2 * FAILING);
            assertThat(processor.sum("jobstream_job_duration_seconds_bucket", "type", "compute", "le", "+Inf"))
                    .isEqualTo(COMPUTED);
            assertThat(processor.sum("jobstream_queue_wait_seconds_count")).isEqualTo(COMPUTED + FAILING + NO_OP);
            assertThat(processor.sum("jobstream_queue_wait_seconds_bucket", "le", "+Inf"))
                    .isEqualTo(COMPUTED + FAILING + NO_OP);
            assertThat(processor.sum("jobstream_retries_total", "type", "fail")).isEqualTo(FAILING);
            assertThat(processor.sum("jobstream_dead_lettered_total", "type", "fail")).isEqualTo(FAILING);
            assertThat(processor.series("jobstream_jobs_running")).singleElement()
                    .extracting(PrometheusScrape.Series::value).isEqualTo(0.0);
        });
    }

    @Test
    void processorShowsTheLagOfItsGroupOnEveryPartitionOfTheJobsTopic() {
        promptly().untilAsserted(() -> {
            PrometheusScrape processor = PrometheusScrape.of(platform.processorPort());

            List<PrometheusScrape.Series> lag = processor.series("kafka_consumer_fetch_manager_records_lag",
                    "topic", "jobs");
            assertThat(lag).extracting(series -> series.labels().get("partition"))
                    .containsExactlyInAnyOrder("0", "1", "2", "3", "4", "5");
            assertThat(lag).extracting(PrometheusScrape.Series::value).containsOnly(0.0);
            assertThat(processor.series("kafka_consumer_fetch_manager_records_lag", "topic", "jobs-retry-1s"))
                    .hasSize(PARTITIONS);
        });
    }

    @Test
    void projectorShowsItsDelayTheLagOfItsGroupAndItsViewers() {
        try (DashboardSocket viewer = DashboardSocket.connect(platform.projectorPort(), USER)) {
            promptly().untilAsserted(() -> {
                PrometheusScrape projector = PrometheusScrape.of(platform.projectorPort());

                assertThat(projector.series("jobstream_projector_lag_seconds")).singleElement()
                        .extracting(PrometheusScrape.Series::value).satisfies(seconds ->
                                assertThat(seconds).isBetween(0.0, 60.0));
                for (String topic : List.of("jobs", "job-status")) {
                    List<PrometheusScrape.Series> lag = projector.series("kafka_consumer_fetch_manager_records_lag",
                            "topic", topic);
                    assertThat(lag).as(topic).hasSize(PARTITIONS);
                    assertThat(lag).as(topic).extracting(PrometheusScrape.Series::value).containsOnly(0.0);
                }
                assertThat(projector.sum("jobstream_dashboard_viewers")).isEqualTo(1);
            });
        }
    }

    private static String accepted(JobsApi.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.text("id");
    }

    private static void refused(JobsApi.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
    }

    private static String statusOf(JobsApi api, String id) {
        return api.job(USER, id).text("status");
    }

    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(60));
    }

    /**
     * Soon after the jobs settled, and well inside the minute after which Micrometer would by default first bind
     * the lag of partitions assigned after a consumer started.
     */
    private static ConditionFactory promptly() {
        return await().atMost(Duration.ofSeconds(20));
    }
}
