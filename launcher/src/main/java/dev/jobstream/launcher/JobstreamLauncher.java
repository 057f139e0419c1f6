package dev.jobstream.launcher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one command that runs Jobstream:
 * {@code java -Xmx768m -XX:TieredStopAtLevel=1 -jar launcher/target/jobstream.jar}.
 *
 * <p>Data is kept under {@code ./data} (or {@code JOBSTREAM_DATA_DIR}); Ctrl-C stops everything cleanly, and the
 * next start finds every job where it was.
 */
public final class JobstreamLauncher {

    private static final Logger log = LoggerFactory.getLogger(JobstreamLauncher.class);

    private JobstreamLauncher() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        LauncherSettings settings = LauncherSettings.from(System.getenv(), args);
        JobstreamPlatform platform = JobstreamPlatform.start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "jobstream-stop"));
        log.info("Jobstream is ready in {} ms. API: http://localhost:{}/api/jobs, live dashboard: "
                + "http://localhost:{}/ (data in {})", (System.nanoTime() - start) / 1_000_000, platform.gatewayPort(),
                platform.projectorPort(), settings.dataDir().toAbsolutePath());
    }
}
