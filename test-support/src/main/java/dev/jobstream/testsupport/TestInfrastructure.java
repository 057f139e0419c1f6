package dev.jobstream.testsupport;

import dev.jobstream.embedded.EmbeddedKafkaBroker;
import dev.jobstream.embedded.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real Kafka broker and a real PostgreSQL server, started once per test JVM and shared by its tests.
 *
 * <p>By default both run in-process ({@code embedded}). With {@code -Djobstream.test.infrastructure=testcontainers}
 * (or the environment variable {@code JOBSTREAM_TEST_INFRASTRUCTURE=testcontainers}) they run in Docker
 * containers instead; where no Docker engine answers, the tests that ask for them are skipped, not failed.
 */
public final class TestInfrastructure {

    /** The system property that picks the infrastructure. */
    public static final String MODE_PROPERTY = "jobstream.test.infrastructure";

    private static @Nullable TestInfrastructure shared;
    private static @Nullable Boolean dockerAvailable;

    private final String bootstrapServers;
    private final String jdbcUrl;
    private final String username;
    private final String password;

    private TestInfrastructure(String bootstrapServers, String jdbcUrl, String username, String password) {
        this.bootstrapServers = bootstrapServers;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
    }

    /** The infrastructure of this JVM, started on first use and stopped when the JVM exits. */
    public static synchronized TestInfrastructure shared() {
        if (shared == null) {
            shared = wantsContainers() ? startContainers() : startEmbedded();
        }
        return shared;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** Whether the tests are asked to run on Testcontainers rather than in-process servers. */
    static boolean wantsContainers() {
        return "testcontainers".equals(mode());
    }

    /** Whether a Docker engine answers; asked once per JVM. */
    static synchronized boolean dockerAvailable() {
        if (dockerAvailable == null) {
            dockerAvailable = DockerClientFactory.instance().isDockerAvailable();
        }
        return dockerAvailable;
    }

    private static String mode() {
        String mode = System.getProperty(MODE_PROPERTY, System.getenv("JOBSTREAM_TEST_INFRASTRUCTURE"));
        return mode == null ? "embedded" : mode.toLowerCase(Locale.ROOT);
    }

    private static TestInfrastructure startEmbedded() {
        Path dataDir = temporaryDirectory();
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"), 0);
        EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), 0);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            postgres.close();
            deleteRecursively(dataDir);
        }, "test-infrastructure-stop"));
        return new TestInfrastructure(kafka.bootstrapServers(), postgres.jdbcUrl(), postgres.username(), "");
    }

    private static TestInfrastructure startContainers() {
        Assumptions.assumeTrue(dockerAvailable(),
                "no Docker engine answers: tests on Testcontainers are skipped");
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
        PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");
        kafka.start();
        postgres.start();
        return new TestInfrastructure(kafka.getBootstrapServers(), postgres.getJdbcUrl(), postgres.getUsername(),
                postgres.getPassword());
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temporary folder is harmless; the JVM is exiting.
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("jobstream-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
