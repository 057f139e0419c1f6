package dev.jobstream.launcher;

import dev.jobstream.testsupport.TestInfrastructure;
import java.nio.file.Path;
import java.util.List;

/**
 * One platform per test JVM, on the shared test infrastructure, with every service on a free port.
 */
final class SharedPlatform {

    /**
     * Service arguments that lift the gateway's per-user rate limits, which the tests that submit many jobs quickly
     * from one user, or poll often, would otherwise run into.
     */
    static final List<String> UNTHROTTLED = List.of(
            "--jobstream.gateway.rate-limits.submissions-per-minute=100000",
            "--jobstream.gateway.rate-limits.requests-per-minute=1000000");

    private static JobstreamPlatform platform;

    private SharedPlatform() {
    }

    static synchronized JobstreamPlatform get() {
        if (platform == null) {
            TestInfrastructure infrastructure = TestInfrastructure.shared();
            LauncherSettings settings = new LauncherSettings(Path.of("target", "unused-data"), 0, 0, 0, 0, 0,
                    infrastructure.bootstrapServers(),
                    new LauncherSettings.Database(infrastructure.jdbcUrl(), infrastructure.username(),
                            infrastructure.password()),
                    UNTHROTTLED);
            platform = JobstreamPlatform.start(settings);
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "test-platform-stop"));
        }
        return platform;
    }
}
