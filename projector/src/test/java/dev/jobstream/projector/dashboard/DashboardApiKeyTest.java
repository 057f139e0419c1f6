package dev.jobstream.projector.dashboard;

import static dev.jobstream.projector.TestJobs.aSleepJobOf;
import static dev.jobstream.projector.TestJobs.dead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jobstream.contract.ApiKeyFormat;
import dev.jobstream.contract.ApiKeyGrant;
import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.JobIds;
import dev.jobstream.contract.JobRecord;
import dev.jobstream.contract.JobRules;
import dev.jobstream.contract.JobStatusEvent;
import dev.jobstream.contract.PayloadLimits;
import dev.jobstream.contract.Topics;
import dev.jobstream.testsupport.TestInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The live dashboard in the {@code api-key} mode, against a real Kafka broker and a real PostgreSQL: keys are
 * granted and revoked by records on {@code api-keys}, as the gateway publishes them, and pages connect over a
 * real WebSocket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.config.name=projector",
    "jobstream.projector.dashboard.metrics-interval=500ms",
    "jobstream.projector.dashboard.auth.mode=api-key",
    "jobstream.projector.dashboard.auth.admin-key=" + DashboardApiKeyTest.ADMIN_KEY
})
class DashboardApiKeyTest {

    static final String ADMIN_KEY = "admin-key-of-the-dashboard-tests";

    private static final int POLICY_VIOLATION = 1008;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final JobCodec CODEC = new JobCodec(new JobRules(PayloadLimits.DEFAULTS));
    private static KafkaProducer<String, byte[]> producer;

    @LocalServerPort
    private int port;

    @Autowired
    private DashboardAccess access;

    @Autowired
    private JdbcTemplate jdbc;

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

    @Test
    void aPageWithoutAKeyIsToldWhyAndClosedAsAPolicyViolation() {
        try (PageConnection page = PageConnection.open(port).subscribeWithKey(null, null)) {

            int code = page.awaitClosed();

            assertThat(code).isEqualTo(POLICY_VIOLATION);
            assertThat(page.awaitMessage("error", 0).path("reason").asString()).isEqualTo("unauthorized");
            assertThat(page.ofType("snapshot")).isEmpty();
        }
    }

    @Test
    void aPageWithAKeyNeverGrantedIsRefused() {
        awaitKeysRead();

        try (PageConnection page = PageConnection.open(port).subscribeWithKey(null, ApiKeyFormat.generate())) {

            assertThat(page.awaitClosed()).isEqualTo(POLICY_VIOLATION);
            assertThat(page.ofType("snapshot")).isEmpty();
        }
    }

    @Test
    void aUsersKeySeesOnlyThatUsersJobsWhateverItsFilterNames() {
        String alice = aUser();
        String bob = aUser();
        String aliceKey = grantKeyTo(alice);
        JobRecord alicesJob = aSleepJobOf(alice);
        JobRecord bobsJob = aSleepJobOf(bob);

        try (PageConnection page = PageConnection.open(port).subscribeWithKey(bob, aliceKey)) {
            JsonNode viewer = page.awaitMessage("viewer", 0);
            page.awaitMessage("snapshot", 0);
            publish(bobsJob);
            publish(alicesJob);

            page.awaitJob(alicesJob.id().toString(), "pending");
            assertThat(viewer.path("user_id").asString()).isEqualTo(alice);
            assertThat(viewer.path("everyone").asBoolean()).isFalse();
            assertThat(page.latestStatus(bobsJob.id().toString())).isNull();
        }
    }

    @Test
    void aRevokedKeyIsRefusedAndItsOpenPageClosed() {
        String user = aUser();
        String key = grantKeyTo(user);

        try (PageConnection page = PageConnection.open(port).subscribeWithKey(user, key)) {
            page.awaitMessage("snapshot", 0);

            publish(grant(key, user, true));

            assertThat(page.awaitClosed()).isEqualTo(POLICY_VIOLATION);
            assertThat(page.awaitMessage("error", 0).path("reason").asString()).isEqualTo("revoked");
        }
        try (PageConnection again = PageConnection.open(port).subscribeWithKey(user, key)) {
            assertThat(again.awaitClosed()).isEqualTo(POLICY_VIOLATION);
            assertThat(again.ofType("snapshot")).isEmpty();
        }
    }

    @Test
    void theAdminKeySeesEveryUsersJobs() {
        JobRecord one = aSleepJobOf(aUser());
        JobRecord other = aSleepJobOf(aUser());

        try (PageConnection page = PageConnection.open(port).subscribeWithKey(null, ADMIN_KEY)) {
            JsonNode viewer = page.awaitMessage("viewer", 0);
            page.awaitMessage("snapshot", 0);
            publish(one);
            publish(other);

            page.awaitJob(one.id().toString(), "pending");
            page.awaitJob(other.id().toString(), "pending");
            assertThat(viewer.path("everyone").asBoolean()).isTrue();
        }
    }

    @Test
    void theHttpReadsNeedAKeyAndShowAUserItsOwnJobsOnly() throws Exception {
        String alice = aUser();
        String bob = aUser();
        String aliceKey = grantKeyTo(alice);
        JobRecord bobsJob = aSleepJobOf(bob);
        Instant now = Instant.now();
        publish(bobsJob);
        publish(dead(bobsJob, now, now));
        awaitStatus(bobsJob, "dead");

        assertThat(get("/api/dashboard/config", null).body()).contains("\"auth_mode\":\"api-key\"");
        assertThat(get("/api/dashboard/jobs/" + bobsJob.id(), null).statusCode()).isEqualTo(401);
        assertThat(get("/api/dashboard/jobs/" + bobsJob.id(), aliceKey).statusCode()).isEqualTo(404);
        assertThat(get("/api/dashboard/jobs/" + bobsJob.id(), ADMIN_KEY).statusCode()).isEqualTo(200);
        assertThat(get("/api/dashboard/dead-jobs?user_id=" + bob, null).statusCode()).isEqualTo(401);
        assertThat(JobCodec.mapper().readTree(get("/api/dashboard/dead-jobs?user_id=" + bob, aliceKey).body()))
                .isEmpty();
        assertThat(JobCodec.mapper().readTree(get("/api/dashboard/dead-jobs?user_id=" + bob, ADMIN_KEY).body()))
                .hasSize(1);
    }

    /** Grants a new key to the user, as the gateway does, and waits until the dashboard knows it. */
    private String grantKeyTo(String user) {
        String key = ApiKeyFormat.generate();
        publish(grant(key, user, false));
        await().atMost(PATIENCE).until(() -> access.viewerOf(key).isPresent());
        return key;
    }

    private void awaitKeysRead() {
        await().atMost(PATIENCE).until(() -> !access.stillLearningKeys());
    }

    private void awaitStatus(JobRecord job, String status) {
        await().atMost(PATIENCE).until(() -> jdbc.queryForList("select status from readmodel.jobs where id = ?",
                String.class, job.id()), statuses -> statuses.contains(status));
    }

    private static ApiKeyGrant grant(String key, String user, boolean revoked) {
        return new ApiKeyGrant(ApiKeyFormat.idOf(key).orElseThrow(), user, ApiKeyFormat.sha256Hex(key), revoked,
                Instant.now());
    }

    private static String aUser() {
        return "keyed-" + JobIds.newId();
    }

    private HttpResponse<String> get(String path, @Nullable String key) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void publish(ApiKeyGrant grant) {
        send(Topics.API_KEYS, grant.id(), CODEC.encode(grant));
    }

    private static void publish(JobRecord job) {
        send(Topics.JOBS, job.id().toString(), CODEC.encode(job));
    }

    private static void publish(JobStatusEvent event) {
        send(Topics.STATUS, event.jobId().toString(), CODEC.encode(event));
    }

    private static void send(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        } catch (ExecutionException failed) {
            throw new IllegalStateException(failed.getCause());
        }
    }
}
