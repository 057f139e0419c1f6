package dev.jobstream.launcher;

import dev.jobstream.embedded.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The launcher as a separate operating-system process, as a user runs it: so it can be killed outright.
 */
final class LauncherProcess {

    private final Path dataDir;
    private final Map<String, String> ports;
    private final int gatewayPort;
    private Process process;

    LauncherProcess(Path dataDir) {
        this.dataDir = dataDir;
        this.gatewayPort = FreePorts.orFree(0);
        this.ports = Map.of(
                "JOBSTREAM_KAFKA_PORT", String.valueOf(FreePorts.orFree(0)),
                "JOBSTREAM_POSTGRES_PORT", String.valueOf(FreePorts.orFree(0)),
                "GATEWAY_PORT", String.valueOf(gatewayPort),
                "PROJECTOR_PORT", String.valueOf(FreePorts.orFree(0)),
                "PROCESSOR_PORT", String.valueOf(FreePorts.orFree(0)));
    }

    int gatewayPort() {
        return gatewayPort;
    }

    /** Starts the launcher and waits until its API answers. */
    void start() {
        try {
            Path classpath = dataDir.resolve("classpath.args");
            Files.writeString(classpath, "-cp \"" + System.getProperty("java.class.path") + "\"");
            List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx1g", "@" + classpath,
                    JobstreamLauncher.class.getName()));
            command.addAll(SharedPlatform.UNTHROTTLED);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("launcher.log").toFile()));
            builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_"));
            builder.environment().putAll(ports);
            builder.environment().put("JOBSTREAM_DATA_DIR", dataDir.resolve("data").toString());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JobsApi api = new JobsApi(gatewayPort);
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> api.get("probe", "/api/jobs").status() == 200);
    }

    /** Kills the process outright, as SIGKILL does: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Asks the process to stop, as Ctrl-C does, and returns whether it exited in time. */
    boolean stop(Duration within) throws InterruptedException {
        process.destroy();
        return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
