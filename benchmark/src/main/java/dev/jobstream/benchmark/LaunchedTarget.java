package dev.jobstream.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The embedded run, launched by the benchmark as its own process with a fresh data folder, exactly as the
 * README's run command starts it, so its start-up time and memory can be measured.
 */
final class LaunchedTarget implements Target {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final List<String> UNTHROTTLED = List.of(
            "--jobstream.gateway.rate-limits.submissions-per-minute=1000000",
            "--jobstream.gateway.rate-limits.requests-per-minute=10000000");

    /**
     * The JVM options of the README's run command, each given to the embedded run unless a platform argument sets
     * the same option: its heap, and compilation by the quick compiler only.
     */
    static final List<String> README_JVM_OPTIONS = List.of("-Xmx768m", "-XX:TieredStopAtLevel=1");

    private final Process process;
    private final Path dataDir;
    private final int kafkaPort;
    private final int postgresPort;
    private final int gatewayPort;
    private final Duration readyAfter;

    private LaunchedTarget(Process process, Path dataDir, int kafkaPort, int postgresPort, int gatewayPort,
            Duration readyAfter) {
        this.process = process;
        this.dataDir = dataDir;
        this.kafkaPort = kafkaPort;
        this.postgresPort = postgresPort;
        this.gatewayPort = gatewayPort;
        this.readyAfter = readyAfter;
    }

    static LaunchedTarget launch(Path launcherJar, List<String> platformArgs) throws IOException {
        if (!Files.exists(launcherJar)) {
            throw new IllegalStateException(launcherJar + " does not exist: build it with ./mvnw -DskipTests package");
        }
        Path dataDir = Files.createTempDirectory("jobstream-benchmark-");
        int kafkaPort = freePort();
        int postgresPort = freePort();
        int gatewayPort = freePort();
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        for (String option : README_JVM_OPTIONS) {
            String name = option.contains("=") ? option.substring(0, option.indexOf('=') + 1) : option.substring(0, 4);
            if (platformArgs.stream().noneMatch(arg -> arg.startsWith(name))) {
                command.add(option);
            }
        }
        command.addAll(platformArgs.stream().filter(LaunchedTarget::isJvmOption).toList());
        command.addAll(List.of("-jar", launcherJar.toString()));
        command.addAll(unthrottled(platformArgs));
        command.addAll(platformArgs.stream().filter(arg -> !isJvmOption(arg)).toList());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("platform.log").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_"));
        builder.environment().put("JOBSTREAM_DATA_DIR", dataDir.resolve("data").toString());
        builder.environment().put("JOBSTREAM_KAFKA_PORT", String.valueOf(kafkaPort));
        builder.environment().put("JOBSTREAM_POSTGRES_PORT", String.valueOf(postgresPort));
        builder.environment().put("GATEWAY_PORT", String.valueOf(gatewayPort));
        builder.environment().put("PROJECTOR_PORT", String.valueOf(freePort()));
        builder.environment().put("PROCESSOR_PORT", String.valueOf(freePort()));
        long start = System.nanoTime();
        Process process = builder.start();
        awaitReady(process, gatewayPort, dataDir);
        return new LaunchedTarget(process, dataDir, kafkaPort, postgresPort, gatewayPort,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Arguments that lift the gateway's per-user rate limits, so that REST scenarios measure the platform rather
     * than the limits; a limit the platform arguments set themselves is left to them.
     */
    /** A platform argument with one dash, such as {@code -Xmx768m}, is for the JVM; one with two, for the launcher. */
    private static boolean isJvmOption(String arg) {
        return arg.startsWith("-") && !arg.startsWith("--");
    }

    static List<String> unthrottled(List<String> platformArgs) {
        return UNTHROTTLED.stream().filter(arg -> platformArgs.stream()
                .noneMatch(given -> given.startsWith(arg.substring(0, arg.indexOf('=') + 1)))).toList();
    }

    Duration readyAfter() {
        return readyAfter;
    }

    @Override
    public String kafka() {
        return "127.0.0.1:" + kafkaPort;
    }

    @Override
    public String gateway() {
        return "http://127.0.0.1:" + gatewayPort;
    }

    @Override
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres";
    }

    @Override
    public String jdbcUser() {
        return "postgres";
    }

    @Override
    public String jdbcPassword() {
        return "";
    }

    @Override
    public List<String> memory() {
        List<String> lines = new ArrayList<>();
        lines.add("platform JVM (gateway, processor, projector, Kafka): peak RSS "
                + ProcessMemory.peakRss(process.pid()).map(ProcessMemory::megabytes).orElse("unknown"));
        long postgres = postgresProcesses().mapToLong(p -> ProcessMemory.proportionalSet(p.pid()).orElse(0L)).sum();
        lines.add("PostgreSQL (all its processes, proportional set size at the end): "
                + ProcessMemory.megabytes(postgres));
        return lines;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteDataDir();
    }

    private void deleteDataDir() {
        try (Stream<Path> paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException leftOver) {
            // A leftover temporary folder does not change any figure.
        }
    }

    private Stream<ProcessHandle> postgresProcesses() {
        String folder = dataDir.toString();
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                .map(line -> line.contains("postgres") && (line.contains(folder) || isChildOfPostmaster(p)))
                .orElse(false));
    }

    private boolean isChildOfPostmaster(ProcessHandle candidate) {
        Optional<ProcessHandle> parent = candidate.parent();
        return parent.flatMap(p -> p.info().commandLine()).map(line -> line.contains(dataDir.toString()))
                .orElse(false);
    }

    private static void awaitReady(Process process, int gatewayPort, Path dataDir) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gatewayPort + "/api/jobs"))
                .header("X-User-Id", "benchmark-probe").timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the platform exited; see " + dataDir.resolve("platform.log"));
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // The API is not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        process.destroyForcibly();
        throw new IllegalStateException("the platform was not ready within " + READY_TIMEOUT);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
