package dev.jobstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing accepted is lost: the embedded run is killed outright while jobs run, and started again.
 */
class RestartDurabilityTest {

    @TempDir
    Path workDir;

    @Test
    void everyAcceptedJobIsDoneAfterTheProcessIsKilledMidRunAndStartedAgain() throws Exception {
        // given
        LauncherProcess launcher = new LauncherProcess(workDir);
        launcher.start();
        JobsApi api = new JobsApi(launcher.gatewayPort());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            JobsApi.Response accepted = api.submit("durable", "{\"payload\": {\"type\": \"sleep\", \"duration\": 2}}");
            assertThat(accepted.status()).isEqualTo(202);
            ids.add(accepted.text("id"));
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> ids.stream().anyMatch(id -> "running".equals(api.job("durable", id).text("status"))));

        // when
        launcher.kill();
        launcher.start();

        // then
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(ids).allSatisfy(id -> assertThat(api.job("durable", id).text("status")).isEqualTo("done")));
        assertThat(launcher.stop(Duration.ofSeconds(60))).as("stops cleanly on SIGTERM").isTrue();
    }
}
