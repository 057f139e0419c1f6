package dev.jobstream.gateway.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstream.contract.ApiKeyFormat;
import dev.jobstream.contract.ApiKeyGrant;
import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.JobRules;
import dev.jobstream.contract.PayloadLimits;
import dev.jobstream.contract.Topics;
import dev.jobstream.gateway.ApiResponse;
import dev.jobstream.gateway.GatewayApplication;
import dev.jobstream.gateway.GatewayClient;
import dev.jobstream.gateway.JobBodies;
import dev.jobstream.gateway.ReadModelEvent;
import dev.jobstream.gateway.ReadModelJob;
import dev.jobstream.gateway.ReadModelTestSchema;
import dev.jobstream.gateway.TestInfrastructureProperties;
import dev.jobstream.gateway.TopicReader;
import dev.jobstream.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
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
 * The {@code api-key} mode: callers prove who they are with keys the administrator issues, and see only their own
 * jobs; the admin key sees everyone's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    GatewayApplication.CONFIG_NAME,
    "jobstream.gateway.auth.mode=api-key",
    "jobstream.gateway.auth.admin-key=" + ApiKeyTest.ADMIN_KEY})
@Import(ReadModelTestSchema.class)
class ApiKeyTest {

    static final String ADMIN_KEY = "admin-key-for-the-tests";

    private static final JobCodec CODEC = new JobCodec(new JobRules(PayloadLimits.DEFAULTS));
    private static final Instant DIED = Instant.parse("2026-01-02T03:04:05Z");
    private static final String BOOM = ReadModelEvent.error("java.lang.IllegalStateException", "boom");

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private MeterRegistry meters;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructureProperties.register(registry);
    }

    @Test
    void requestWithoutAKeyIsUnauthorizedEvenWithAUserHeader() {
        double rejectedBefore = unauthenticated();

        ApiResponse response = gateway().get(aNewUser(), "/api/jobs");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(unauthenticated()).isEqualTo(rejectedBefore + 1);
    }

    @Test
    void requestWithAWrongKeyIsUnauthorized() {
        String issued = issueKey(aNewUser()).path("key").asString();
        String forged = issued.substring(0, issued.length() - 4) + "AAAA";

        ApiResponse wrong = as(forged, "GET", "/api/jobs");
        ApiResponse garbage = as("not-a-key", "GET", "/api/jobs");

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(garbage.status()).isEqualTo(401);
    }

    @Test
    void keyIsShownOnceAndOnlyItsHashIsStored() {
        String user = aNewUser();

        JsonNode issued = issueKey(user);

        String key = issued.path("key").asString();
        String id = issued.path("id").asString();
        assertThat(key).startsWith("jsk_" + id + "_");
        assertThat(issued.path("user_id").asString()).isEqualTo(user);
        ApiResponse listing = as(ADMIN_KEY, "GET", "/api/admin/keys");
        assertThat(listing.body()).contains(id).doesNotContain(key);
        assertThat(listing.json().path("items").valueStream().filter(item -> item.path("id").asString().equals(id)))
                .singleElement().satisfies(item -> {
                    assertThat(item.path("user_id").asString()).isEqualTo(user);
                    assertThat(item.path("revoked").asBoolean()).isFalse();
                    assertThat(item.has("key")).isFalse();
                });
        byte[] stored = jdbc.queryForObject("select key_hash from gateway.api_keys where id = ?", byte[].class, id);
        assertThat(HexFormat.of().formatHex(stored)).isEqualTo(HexFormat.of().formatHex(ApiKey.sha256(key)));
        assertThat(jdbc.queryForObject("select count(*) from gateway.api_keys where id = ? and "
                + "(user_id || encode(key_hash, 'escape')) like '%' || ? || '%'", Integer.class, id, key)).isZero();
    }

    @Test
    void revokedKeyIsRefused() {
        JsonNode issued = issueKey(aNewUser());
        String key = issued.path("key").asString();
        ApiResponse before = as(key, "GET", "/api/jobs");

        ApiResponse revoked = as(ADMIN_KEY, "DELETE", "/api/admin/keys/" + issued.path("id").asString());
        ApiResponse after = as(key, "GET", "/api/jobs");

        assertThat(before.status()).isEqualTo(200);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().path("revoked").asBoolean()).isTrue();
        assertThat(after.status()).isEqualTo(401);
    }

    @Test
    void issuingAndRevokingAKeyPublishesItsGrantWithItsHashOnly() {
        String user = aNewUser();
        TopicReader topic = new TopicReader(TestInfrastructure.shared().bootstrapServers(), Topics.API_KEYS);

        JsonNode issued = issueKey(user);
        String id = issued.path("id").asString();
        String key = issued.path("key").asString();
        List<ApiKeyGrant> afterIssue = grantsOf(topic, id);
        as(ADMIN_KEY, "DELETE", "/api/admin/keys/" + id);
        List<ApiKeyGrant> afterRevoke = grantsOf(topic, id);

        assertThat(afterIssue).singleElement().satisfies(grant -> {
            assertThat(grant.userId()).isEqualTo(user);
            assertThat(grant.keyHash()).isEqualTo(ApiKeyFormat.sha256Hex(key));
            assertThat(grant.revoked()).isFalse();
        });
        assertThat(afterRevoke).hasSize(2).last().satisfies(grant -> {
            assertThat(grant.userId()).isEqualTo(user);
            assertThat(grant.keyHash()).isEqualTo(ApiKeyFormat.sha256Hex(key));
            assertThat(grant.revoked()).isTrue();
        });
        assertThat(topic.recordsOf(id)).allSatisfy(record -> assertThat(new String(record.value(),
                StandardCharsets.UTF_8)).doesNotContain(key));
    }

    @Test
    void userKeyCannotManageKeys() {
        String key = issueKey(aNewUser()).path("key").asString();

        ApiResponse response = as(key, "GET", "/api/admin/keys");

        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void userCannotReadOrTouchAnotherUsersJobs() {
        String alice = aNewUser();
        String bob = aNewUser();
        String aliceKey = issueKey(alice).path("key").asString();
        UUID pending = ReadModelJob.ofUser(bob).insertInto(jdbc);
        UUID dead = ReadModelJob.ofUser(bob).generation(1).dead(4, DIED, BOOM).insertInto(jdbc);

        assertThat(as(aliceKey, "GET", "/api/jobs/" + pending).status()).isEqualTo(404);
        assertThat(as(aliceKey, "GET", "/api/jobs").json().path("items").size()).isZero();
        assertThat(as(aliceKey, "GET", "/api/jobs?user_id=" + bob).json().path("items").size()).isZero();
        assertThat(as(aliceKey, "GET", "/api/dlq?user_id=" + bob).json().path("items").size()).isZero();
        assertThat(as(aliceKey, "POST", "/api/jobs/" + dead + "/retry").status()).isEqualTo(404);
        assertThat(as(aliceKey, "POST", "/api/dlq/retry?user_id=" + bob).json().path("replayed").asInt()).isZero();
        assertThat(as(aliceKey, "POST", "/api/jobs/" + pending + "/cancel").status()).isEqualTo(404);
        assertThat(as(aliceKey, "DELETE", "/api/jobs/" + dead).status()).isEqualTo(404);
        assertThat(gateway().send(gateway().request("/api/jobs/" + pending).header("X-User-Id", bob)
                .header("Authorization", "Bearer " + aliceKey).GET()).status()).isEqualTo(404);
    }

    @Test
    void userWorksWithItsOwnJobs() {
        String key = issueKey(aNewUser()).path("key").asString();

        ApiResponse submitted = gateway().send(gateway().request("/api/jobs").header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JobBodies.sleepJob(1))));
        ApiResponse read = as(key, "GET", "/api/jobs/" + submitted.json().path("id").asString());

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        assertThat(read.status()).isEqualTo(200);
    }

    @Test
    void adminKeySeesAndActsOnEveryUsersJobs() {
        String bob = aNewUser();
        UUID pending = ReadModelJob.ofUser(bob).insertInto(jdbc);
        UUID deadToReplay = ReadModelJob.ofUser(bob).generation(1).dead(4, DIED, BOOM).insertInto(jdbc);
        UUID deadToDiscard = ReadModelJob.ofUser(bob).generation(1).dead(4, DIED, BOOM).insertInto(jdbc);

        assertThat(as(ADMIN_KEY, "GET", "/api/jobs/" + pending).status()).isEqualTo(200);
        assertThat(as(ADMIN_KEY, "GET", "/api/jobs?user_id=" + bob).json().path("items").size()).isEqualTo(3);
        assertThat(as(ADMIN_KEY, "GET", "/api/dlq?user_id=" + bob).json().path("items").size()).isEqualTo(2);
        assertThat(as(ADMIN_KEY, "POST", "/api/jobs/" + pending + "/cancel").status()).isEqualTo(202);
        assertThat(as(ADMIN_KEY, "POST", "/api/jobs/" + deadToReplay + "/retry").status()).isEqualTo(202);
        assertThat(as(ADMIN_KEY, "DELETE", "/api/jobs/" + deadToDiscard).status()).isEqualTo(202);
    }

    private JsonNode issueKey(String user) {
        ApiResponse response = gateway().send(gateway().request("/api/admin/keys")
                .header("Authorization", "Bearer " + ADMIN_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user_id\": \"" + user + "\"}")));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private ApiResponse as(String key, String method, String path) {
        return gateway().send(gateway().request(path).header("Authorization", "Bearer " + key)
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private double unauthenticated() {
        Counter counter = meters.find("jobstream.gateway.rejections").tag("reason", "unauthenticated").counter();
        return counter != null ? counter.count() : 0;
    }

    private GatewayClient gateway() {
        return new GatewayClient(port);
    }

    private static List<ApiKeyGrant> grantsOf(TopicReader topic, String keyId) {
        return topic.recordsOf(keyId).stream().map(record -> CODEC.decodeGrant(record.value())).toList();
    }

    private static String aNewUser() {
        return "user-" + UUID.randomUUID();
    }
}
