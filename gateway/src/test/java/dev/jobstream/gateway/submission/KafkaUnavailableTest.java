package dev.jobstream.gateway.submission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstream.gateway.ApiResponse;
import dev.jobstream.gateway.GatewayApplication;
import dev.jobstream.gateway.GatewayClient;
import dev.jobstream.gateway.JobBodies;
import dev.jobstream.gateway.ReadModelTestSchema;
import dev.jobstream.gateway.TestInfrastructureProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
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
 * A gateway whose Kafka cannot be reached: it must refuse submissions quickly, and accept nothing.
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
    void keyOfARefusedSubmissionIsReleasedForTheRetry() {
        String user = "user-" + UUID.randomUUID();

        ApiResponse response = new GatewayClient(port).submit(user, JobBodies.sleepJob(1), "Idempotency-Key", "k1");

        assertThat(response.status()).isEqualTo(503);
        assertThat(jdbc.queryForObject("select count(*) from gateway.idempotency_keys where user_id = ?",
                Integer.class, user)).isZero();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
