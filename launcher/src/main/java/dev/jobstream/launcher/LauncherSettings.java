package dev.jobstream.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the launcher starts and where, read from the environment.
 *
 * <p>Setting {@code SPRING_KAFKA_BOOTSTRAP_SERVERS} runs the services against that Kafka instead of the embedded
 * broker; setting {@code SPRING_DATASOURCE_URL} (with {@code SPRING_DATASOURCE_USERNAME} and
 * {@code SPRING_DATASOURCE_PASSWORD}) does the same for PostgreSQL.
 *
 * @param dataDir where the embedded broker and database keep their data
 * @param kafkaPort the embedded broker's port
 * @param postgresPort the embedded database's port
 * @param gatewayPort the REST API's port
 * @param projectorPort the projector's port
 * @param processorPort the processor's port
 * @param externalKafka an external Kafka's bootstrap servers, if one is to be used
 * @param externalDatabase an external PostgreSQL, if one is to be used
 * @param serviceArgs further {@code --name=value} arguments passed to all three services
 */
public record LauncherSettings(
        Path dataDir,
        int kafkaPort,
        int postgresPort,
        int gatewayPort,
        int projectorPort,
        int processorPort,
        @Nullable String externalKafka,
        @Nullable Database externalDatabase,
        List<String> serviceArgs) {

    /**
     * A PostgreSQL database to connect to.
     *
     * @param jdbcUrl its JDBC URL
     * @param username the user
     * @param password the password
     */
    public record Database(String jdbcUrl, String username, String password) {
    }

    /** Reads the settings from environment variables, passing the command-line arguments on to the services. */
    public static LauncherSettings from(Map<String, String> env, String[] args) {
        String jdbcUrl = env.get("SPRING_DATASOURCE_URL");
        Database database = jdbcUrl == null ? null : new Database(jdbcUrl,
                env.getOrDefault("SPRING_DATASOURCE_USERNAME", "jobstream"),
                env.getOrDefault("SPRING_DATASOURCE_PASSWORD", ""));
        return new LauncherSettings(
                Path.of(env.getOrDefault("JOBSTREAM_DATA_DIR", "data")),
                port(env, "JOBSTREAM_KAFKA_PORT", 9092),
                port(env, "JOBSTREAM_POSTGRES_PORT", 15432),
                port(env, "GATEWAY_PORT", 3000),
                port(env, "PROJECTOR_PORT", 3001),
                port(env, "PROCESSOR_PORT", 3002),
                env.get("SPRING_KAFKA_BOOTSTRAP_SERVERS"),
                database,
                List.of(args));
    }

    /** The same settings with the given extra service arguments appended. */
    public LauncherSettings withServiceArgs(List<String> more) {
        List<String> all = new ArrayList<>(serviceArgs);
        all.addAll(more);
        return new LauncherSettings(dataDir, kafkaPort, postgresPort, gatewayPort, projectorPort, processorPort,
                externalKafka, externalDatabase, List.copyOf(all));
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        try {
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(name + " must be a port number, not '" + value + "'", notANumber);
        }
    }
}
