package dev.jobstream.launcher;

import dev.jobstream.testsupport.TestInfrastructure;
import java.nio.file.Path;
import java.util.List;

/**
 * One platform per test JVM, on the shared test infrastructure, with every service on a free port.
 */
final class SharedPlatform {

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
                    List.of());
            platform = JobstreamPlatform.start(settings);
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "test-platform-stop"));
        }
        return platform;
    }
}
