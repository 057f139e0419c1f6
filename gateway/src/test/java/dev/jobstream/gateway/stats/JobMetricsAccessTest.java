package dev.jobstream.gateway.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstream.gateway.ApiResponse;
import dev.jobstream.gateway.GatewayApplication;
import dev.jobstream.gateway.GatewayClient;
import dev.jobstream.gateway.ReadModelTestSchema;
import dev.jobstream.gateway.TestInfrastructureProperties;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Who sees which metrics in the {@code api-key} mode: a user key its own jobs only, the admin key everyone's or
 * one user's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    GatewayApplication.CONFIG_NAME,
    "jobstream.gateway.auth.mode=api-key",
    "jobstream.gateway.auth.admin-key=" + JobMetricsAccessTest.ADMIN_KEY})
@Import(ReadModelTestSchema.class)
class JobMetricsAccessTest {

    static final String ADMIN_KEY = "admin-key-for-the-metrics-tests";

    private final Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructureProperties.register(registry);
    }

    @Test
    void requestWithoutAKeyIsUnauthorizedEvenWithAUserHeader() {
        ApiResponse response = gateway().get(aNewUser(), "/api/metrics");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void userKeySeesItsOwnJobsAndIsForbiddenAnotherUsers() {
        String alice = aNewUser();
        String bob = aNewUser();
        new SeededJobs(jdbc, alice).done(2, Duration.ofMillis(10), anHourAgo);
        new SeededJobs(jdbc, bob).dead(3, anHourAgo);
        String aliceKey = issueKey(alice);

        ApiResponse own = as(aliceKey, "/api/metrics");
        ApiResponse bobs = as(aliceKey, "/api/metrics?user_id=" + bob);

        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().path("user_id").asString()).isEqualTo(alice);
        assertThat(JobMetricsTest.countsByStatus(own.json())).containsEntry("done", 2L).containsEntry("dead", 0L);
        assertThat(bobs.status()).isEqualTo(403);
        assertThat(bobs.contentType()).startsWith("application/problem+json");
    }

    @Test
    void adminKeyNarrowedToAUserSeesWhatThatUserSees() {
        String alice = aNewUser();
        new SeededJobs(jdbc, alice).done(2, Duration.ofMillis(10), anHourAgo).dead(1, anHourAgo);
        String aliceKey = issueKey(alice);

        JsonNode asAdmin = as(ADMIN_KEY, "/api/metrics?user_id=" + alice).json();
        JsonNode asAlice = as(aliceKey, "/api/metrics").json();

        assertThat(asAdmin.path("user_id")).isEqualTo(asAlice.path("user_id"));
        assertThat(asAdmin.path("counts_by_status")).isEqualTo(asAlice.path("counts_by_status"));
        assertThat(asAdmin.path("successes").asLong()).isEqualTo(2);
        assertThat(asAdmin.path("failures").asLong()).isEqualTo(1);
        assertThat(asAlice.path("successes").asLong()).isEqualTo(2);
        assertThat(asAlice.path("failures").asLong()).isEqualTo(1);
    }

    @Test
    void adminKeyWithoutAUserSeesEveryUsersJobs() {
        new SeededJobs(jdbc, aNewUser()).done(2, Duration.ofMillis(10), anHourAgo);
        new SeededJobs(jdbc, aNewUser()).dead(1, anHourAgo).inStatus("pending", 1);

        ApiResponse response = as(ADMIN_KEY, "/api/metrics");

        JsonNode metrics = response.json();
        assertThat(response.status()).isEqualTo(200);
        assertThat(metrics.get("user_id").isNull()).isTrue();
        assertThat(JobMetricsTest.countsByStatus(metrics)).containsAllEntriesOf(Map.of(
                "done", everyUsers("select sum(count) from readmodel.job_counts where status = 'done'"),
                "dead", everyUsers("select sum(count) from readmodel.job_counts where status = 'dead'"),
                "pending", everyUsers("select sum(count) from readmodel.job_counts where status = 'pending'")));
        assertThat(metrics.path("successes").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(metrics.path("failures").asLong()).isGreaterThanOrEqualTo(1);
    }

    /** A total over the aggregates of every user, summed in the database. */
    private long everyUsers(String sql) {
        Long total = jdbc.queryForObject(sql, Long.class);
        return total != null ? total : 0;
    }

    private String issueKey(String user) {
        ApiResponse response = gateway().send(gateway().request("/api/admin/keys")
                .header("Authorization", "Bearer " + ADMIN_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user_id\": \"" + user + "\"}")));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("key").asString();
    }

    private ApiResponse as(String key, String path) {
        return gateway().send(gateway().request(path).header("Authorization", "Bearer " + key).GET());
    }

    private GatewayClient gateway() {
        return new GatewayClient(port);
    }

    private static String aNewUser() {
        return "user-" + UUID.randomUUID();
    }
}
