package dev.jobstream.gateway.submission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstream.gateway.ApiResponse;
import dev.jobstream.gateway.GatewayApplication;
import dev.jobstream.gateway.GatewayClient;
import dev.jobstream.gateway.JobBodies;
import dev.jobstream.gateway.ReadModelEvent;
import dev.jobstream.gateway.ReadModelJob;
import dev.jobstream.gateway.ReadModelTestSchema;
import dev.jobstream.gateway.TestInfrastructureProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A gateway whose Kafka cannot be reached: it must refuse submissions, replays and control requests quickly, and
 * accept nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    GatewayApplication.CONFIG_NAME,
    "jobstream.gateway.publish-timeout=1s",
    "spring.kafka.admin.auto-create=false"})
@Import(ReadModelTestSchema.class)
@DirtiesContext
class KafkaUnavailableTest {

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    @DynamicPropertySource
    static void unreachableKafka(DynamicPropertyRegistry registry) {
        TestInfrastructureProperties.registerDatabase(registry);
        registry.add("spring.kafka.bootstrap-servers", () -> "localhost:" + closedPort());
    }

    @Test
    void submissionIsRefusedWithinThePublishTimeout() {
        long started = System.nanoTime();

        ApiResponse response = new GatewayClient(port).submit("user-" + UUID.randomUUID(), JobBodies.sleepJob(1));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("Location")).isNull();
    }

    @Test
    void refusedSubmissionKeepsItsJobForTheRetryWithTheSameKey() {
        String user = "user-" + UUID.randomUUID();
        GatewayClient gateway = new GatewayClient(port);

        ApiResponse first = gateway.submit(user, JobBodies.sleepJob(1), "Idempotency-Key", "k1");
        UUID firstJob = storedJobOf(user);
        ApiResponse retry = gateway.submit(user, JobBodies.sleepJob(1), "Idempotency-Key", "k1");

        assertThat(first.status()).isEqualTo(503);
        assertThat(retry.status()).isEqualTo(503);
        assertThat(storedJobOf(user)).as("the retry publishes the same job, not a second one").isEqualTo(firstJob);
        assertThat(jdbc.queryForObject("select state from gateway.idempotency_keys where user_id = ?",
                String.class, user)).isEqualTo("publish-failed");
        assertThat(jdbc.queryForObject("select job_record ->> 'id' from gateway.idempotency_keys where user_id = ?",
                String.class, user)).isEqualTo(firstJob.toString());
    }

    @Test
    void replayThatCannotBePublishedIsReleasedForTheNextTry() {
        String user = "user-" + UUID.randomUUID();
        UUID id = ReadModelJob.ofUser(user).dead(4, Instant.now(), ReadModelEvent.error("E", "boom"))
                .insertInto(jdbc);

        ApiResponse response = new GatewayClient(port).post(user, "/api/jobs/" + id + "/retry");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(jdbc.queryForObject("select count(*) from gateway.replays where job_id = ?", Integer.class, id))
                .isZero();
    }

    @Test
    void cancelThatCannotBePublishedIsRefused() {
        String user = "user-" + UUID.randomUUID();
        UUID id = ReadModelJob.ofUser(user).status("running").insertInto(jdbc);

        ApiResponse response = new GatewayClient(port).post(user, "/api/jobs/" + id + "/cancel");

        assertThat(response.status()).isEqualTo(503);
    }

    private UUID storedJobOf(String user) {
        return jdbc.queryForObject("select job_id from gateway.idempotency_keys where user_id = ?", UUID.class, user);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
