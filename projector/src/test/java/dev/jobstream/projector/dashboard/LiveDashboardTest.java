package dev.jobstream.projector.dashboard;

import static dev.jobstream.projector.TestJobs.aSleepJobOf;
import static dev.jobstream.projector.TestJobs.dead;
import static dev.jobstream.projector.TestJobs.done;
import static dev.jobstream.projector.TestJobs.retrying;
import static dev.jobstream.projector.TestJobs.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.JobIds;
import dev.jobstream.contract.JobRecord;
import dev.jobstream.contract.JobRules;
import dev.jobstream.contract.JobStatusEvent;
import dev.jobstream.contract.PayloadLimits;
import dev.jobstream.contract.Topics;
import dev.jobstream.projector.aggregate.JobAggregates;
import dev.jobstream.projector.aggregate.JobScope;
import dev.jobstream.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The live dashboard against a real Kafka broker and a real PostgreSQL: records go in through a plain producer,
 * pages connect over a real WebSocket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.config.name=projector",
    "jobstream.projector.dashboard.metrics-interval=500ms"
})
class LiveDashboardTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final JobCodec CODEC = new JobCodec(new JobRules(PayloadLimits.DEFAULTS));
    private static KafkaProducer<String, byte[]> producer;

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private JobAggregates aggregates;

    @Autowired
    private DashboardMetrics metrics;

    @Autowired
    private DashboardHub hub;

    @Autowired
    private MeterRegistry registry;

    @Autowired
    @Qualifier("dashboardSender")
    private ExecutorService sender;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        registry.add("spring.kafka.bootstrap-servers", infrastructure::bootstrapServers);
        registry.add("spring.datasource.url", infrastructure::jdbcUrl);
        registry.add("spring.datasource.username", infrastructure::username);
        registry.add("spring.datasource.password", infrastructure::password);
    }

    @BeforeAll
    static void startProducer() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void stopProducer() {
        producer.close();
    }

    @Nested
    class Aggregates {

        @Test
        void countsFollowAJobThroughItsStatuses() {
            String user = aUser();
            JobRecord job = aSleepJobOf(user);
            Instant now = Instant.now();

            publish(job);
            publish(running(job, now));
            publish(done(job, now, now.plusMillis(250)));

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(aggregates.counts(new JobScope(user, null))
                    .byStatus()).containsEntry("done", 1L).containsEntry("pending", 0L).containsEntry("running", 0L));
        }

        @Test
        void eachMinuteCountsOutcomesAndTheDurationsOfDoneJobs() {
            String user = aUser();
            Instant now = Instant.now();
            for (int i = 0; i < 20; i++) {
                JobRecord job = aSleepJobOf(user);
                publish(job);
                publish(done(job, now.minusMillis(i == 0 ? 2_000 : 100), now));
            }
            publish(retrying(aSleepJobOf(user), now.minusMillis(10), now, now.plusSeconds(1)));
            publish(dead(aSleepJobOf(user), now.minusMillis(10), now));

            await().atMost(PATIENCE).untilAsserted(() -> {
                ServerMessage.WindowSummary window = metrics.of(new JobScope(user, "sleep")).window();
                assertThat(window.done()).isEqualTo(20);
                assertThat(window.dead()).isEqualTo(1);
                assertThat(window.failed()).isEqualTo(2);
                assertThat(window.avgMs()).isEqualTo((19 * 100 + 2_000) / 20);
                assertThat(window.p95Ms()).isEqualTo(150);
            });
        }

        @Test
        void theChartsHaveOnePointPerMinuteOfTheWindow() {
            ServerMessage.Metrics charts = metrics.of(new JobScope(aUser(), null));

            assertThat(charts.minutes()).hasSize(15);
            assertThat(charts.minutes().get(14).minute()).isEqualTo(Instant.now().truncatedTo(ChronoUnit.MINUTES));
        }
    }

    @Nested
    class Pushing {

        @Test
        void aPageGetsASnapshotThenEachChangeOfItsUsersJobs() {
            String user = aUser();
            JobRecord someoneElses = aSleepJobOf(aUser());
            JobRecord job = aSleepJobOf(user);
            Instant now = Instant.now();

            try (PageConnection page = PageConnection.open(port).subscribe(user, null, 0)) {
                JsonNode snapshot = page.awaitMessage("snapshot", 0);
                publish(someoneElses);
                publish(job);
                publish(running(job, now));
                publish(done(job, now, now.plusMillis(5)));

                page.awaitJob(job.id().toString(), "done");
                assertThat(snapshot.path("jobs").isEmpty()).isTrue();
                assertThat(page.latestStatus(someoneElses.id().toString())).isNull();
                List<Long> seqs = page.ofType("delta").stream().map(delta -> delta.path("seq").asLong()).toList();
                long snapshotSeq = snapshot.path("seq").asLong();
                assertThat(seqs).isSorted().doesNotHaveDuplicates().allMatch(seq -> seq > snapshotSeq);
                JsonNode last = page.ofType("delta").get(seqs.size() - 1);
                assertThat(last.path("counts").path("by_status").path("done").asLong()).isEqualTo(1);
                assertThat(page.awaitMessage("metrics", 0).path("minutes").size()).isEqualTo(15);
            }
        }

        @Test
        void aPageThatReconnectsGetsOnlyTheChangesItMissed() {
            String user = aUser();
            JobRecord first = aSleepJobOf(user);
            JobRecord second = aSleepJobOf(user);
            Instant now = Instant.now();
            String epoch;
            long seq;
            try (PageConnection page = PageConnection.open(port).subscribe(user, null, 0)) {
                epoch = page.awaitMessage("snapshot", 0).path("epoch").asString();
                publish(first);
                page.awaitJob(first.id().toString(), "pending");
                seq = page.awaitMessage("delta", 0).path("seq").asLong();
            }

            publish(running(first, now));
            publish(done(first, now, now.plusMillis(5)));
            publish(second);
            awaitStatus(first.id(), "done");
            awaitStatus(second.id(), "pending");

            try (PageConnection page = PageConnection.open(port).subscribe(user, epoch, seq)) {
                page.awaitJob(first.id().toString(), "done");
                page.awaitJob(second.id().toString(), "pending");
                assertThat(page.ofType("resumed")).hasSize(1);
                assertThat(page.ofType("snapshot")).isEmpty();
            }
        }

        @Test
        void changesAreLoadedOnlyWhileAPageIsConnectedOrCouldStillResume() {
            String user = aUser();
            JobRecord job = aSleepJobOf(user);
            await().atMost(PATIENCE).until(() -> hub.sessions().isEmpty());
            String epoch;
            long seq;
            try (PageConnection page = PageConnection.open(port).subscribe(user, null, 0)) {
                epoch = page.awaitMessage("snapshot", 0).path("epoch").asString();
                assertThat(hub.loadsChanges()).isTrue();
                publish(job);
                page.awaitJob(job.id().toString(), "pending");
                seq = page.awaitMessage("delta", 0).path("seq").asLong();
            }
            await().atMost(PATIENCE).until(() -> hub.sessions().isEmpty());
            assertThat(hub.loadsChanges()).as("the page that left may still resume").isTrue();

            int published = 0;
            while (hub.loadsChanges() && published <= 2_001) {
                hub.publish(Set.of(job.id()));
                published++;
            }

            assertThat(hub.loadsChanges()).as("stopped after %d changes", published).isFalse();
            assertThat(published).isBetween(1, 2_001);
            try (PageConnection page = PageConnection.open(port).subscribe(user, epoch, seq)) {
                JsonNode snapshot = page.awaitMessage("snapshot", 0);
                assertThat(snapshot.path("jobs").get(0).path("id").asString()).isEqualTo(job.id().toString());
                assertThat(page.ofType("resumed")).isEmpty();
                assertThat(hub.loadsChanges()).isTrue();
            }
        }

        @Test
        void aPageFromAnotherEpochGetsAFreshSnapshot() {
            String user = aUser();
            JobRecord job = aSleepJobOf(user);
            publish(job);
            awaitStatus(job.id(), "pending");

            try (PageConnection page = PageConnection.open(port).subscribe(user, "an-epoch-long-gone", 5)) {
                JsonNode snapshot = page.awaitMessage("snapshot", 0);

                assertThat(snapshot.path("jobs").get(0).path("id").asString()).isEqualTo(job.id().toString());
                assertThat(page.ofType("resumed")).isEmpty();
            }
        }

        @Test
        @Timeout(60)
        void aPageThatStopsReadingIsSentASnapshotInsteadOfTheChangesItMissed() {
            String user = aUser();
            JobRecord job = aSleepJobOf(user);
            publish(job);
            awaitStatus(job.id(), "pending");
            StalledSocket socket = new StalledSocket();
            DashboardSession session = new DashboardSession(socket, hub, sender, 3);
            hub.join(session);
            try {
                session.subscribe(new JobFilter(user, null, null, null), null);
                await().atMost(PATIENCE).until(() -> socket.attempts() == 1);

                for (int i = 0; i < 10; i++) {
                    hub.publish(Set.of(job.id()));
                }
                socket.release();

                await().atMost(PATIENCE).until(() -> withoutMetrics(socket.sent()),
                        types -> types.equals(List.of("snapshot", "snapshot")));
                assertThat(withoutMetrics(socket.sent())).doesNotContain("delta");
            } finally {
                hub.leave(session);
            }
        }
    }

    @Nested
    class Page {

        @Test
        void thePageIsServedAtTheRootWithItsSettings() throws Exception {
            HttpResponse<String> page = get("/");
            HttpResponse<String> settings = get("/api/dashboard/config");

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<title>Jobstream");
            assertThat(get("/dashboard.js").statusCode()).isEqualTo(200);
            JsonNode json = JobCodec.mapper().readTree(settings.body());
            assertThat(json.path("gateway_url").asString()).isEqualTo("http://localhost:3000");
            assertThat(json.path("socket_path").asString()).isEqualTo("/ws/jobs");
        }

        @Test
        void aJobsDetailListsItsAttemptsWithTheirDurations() throws Exception {
            JobRecord job = aSleepJobOf(aUser());
            Instant now = Instant.now();
            publish(job);
            publish(running(job, now));
            publish(done(job, now, now.plusMillis(1_500)));
            awaitStatus(job.id(), "done");

            JsonNode detail = JobCodec.mapper().readTree(get("/api/dashboard/jobs/" + job.id()).body());

            assertThat(detail.path("payload")).isEqualTo(job.payload());
            assertThat(detail.path("job").path("trace_id").asString()).isEqualTo(job.traceId());
            assertThat(detail.path("attempts")).singleElement().satisfies(attempt -> {
                assertThat(attempt.path("status").asString()).isEqualTo("done");
                assertThat(attempt.path("duration_ms").asLong()).isEqualTo(1_500);
            });
            assertThat(get("/api/dashboard/jobs/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        }
    }

    private static String aUser() {
        return "dashboard-" + JobIds.newId();
    }

    /** The types of the messages, leaving out the charts, which are pushed every half second. */
    @Nested
    class PrometheusMetrics {

        @Test
        void viewersGaugeCountsTheOpenPages() {
            double before = registry.get(DashboardHub.VIEWERS_METER).gauge().value();

            try (PageConnection page = PageConnection.open(port).subscribe(aUser(), null, 0)) {

                await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                        registry.get(DashboardHub.VIEWERS_METER).gauge().value()).isEqualTo(before + 1));
            }
        }

        @Test
        void prometheusEndpointShowsTheProjectorLagAndTheViewers() throws Exception {
            JobRecord job = aSleepJobOf(aUser());

            publish(job);

            awaitStatus(job.id(), "pending");
            HttpResponse<String> scrape = get("/actuator/prometheus");
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body()).contains("jobstream_projector_lag_seconds ")
                    .contains("jobstream_dashboard_viewers ");
        }
    }

    private static List<String> withoutMetrics(List<String> messages) {
        return messages.stream().map(message -> JobCodec.mapper().readTree(message).path("type").asString())
                .filter(type -> !type.equals("metrics")).toList();
    }

    private void awaitStatus(UUID id, String status) {
        await().atMost(PATIENCE).until(() -> jdbc.queryForList("select status from readmodel.jobs where id = ?",
                String.class, id), statuses -> statuses.contains(status));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void publish(JobRecord job) {
        send(Topics.JOBS, job.id(), CODEC.encode(job));
    }

    private static void publish(JobStatusEvent event) {
        send(Topics.STATUS, event.jobId(), CODEC.encode(event));
    }

    private static void send(String topic, UUID key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key.toString(), value)).get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        } catch (ExecutionException failed) {
            throw new IllegalStateException(failed.getCause());
        }
    }
}
