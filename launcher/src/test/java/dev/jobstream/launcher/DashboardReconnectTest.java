package dev.jobstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A page whose connection drops while jobs finish shows them as they are once it is back, having been sent only
 * what it missed.
 */
class DashboardReconnectTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int JOBS = 6;

    @Test
    void aPageThatLostItsConnectionWhileJobsFinishedShowsThemDoneAfterReconnecting() {
        // given
        JobstreamPlatform platform = SharedPlatform.get();
        JobsApi api = new JobsApi(platform.gatewayPort());
        String user = "reconnect-" + UUID.randomUUID().toString().substring(0, 8);
        try (DashboardPage page = DashboardPage.open(platform, user)) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < JOBS; i++) {
                ids.add(api.submit(user, "{\"payload\": {\"type\": \"sleep\", \"duration\": 2}}").text("id"));
            }
            for (String id : ids) {
                await().atMost(PATIENCE).until(() -> page.statusInTable(id).isPresent());
            }

            // when
            page.dropConnection(Duration.ofSeconds(6));
            await().atMost(PATIENCE).until(() -> page.connectionLostMessage().isPresent());
            String lostMessage = page.connectionLostMessage().orElseThrow();
            String indicator = page.connectionState();
            List<String> statusesWhileDown = ids.stream().map(id -> page.statusInTable(id).orElse("")).toList();
            Map<String, String> statuses = await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                    .until(() -> statusesInApi(api, user), inApi -> ids.stream().allMatch(id ->
                            "done".equals(inApi.get(id))));
            page.awaitLive();

            // then
            assertThat(lostMessage).contains("Lost the live connection");
            assertThat(indicator).isEqualTo("offline");
            assertThat(statusesWhileDown).doesNotContain("done");
            for (String id : ids) {
                await().atMost(PATIENCE).until(() -> page.statusInTable(id).orElse(""), statuses.get(id)::equals);
            }
            assertThat(page.connectionLostMessage()).isEmpty();
            assertThat(page.state().path("resumes").asInt()).isEqualTo(1);
            assertThat(page.state().path("snapshots").asInt()).isEqualTo(1);
        }
    }

    /** The statuses of the user's jobs, by id, as the API lists them: one request for all of them. */
    private static Map<String, String> statusesInApi(JobsApi api, String user) {
        Map<String, String> statuses = new HashMap<>();
        for (JsonNode job : api.get(user, "/api/jobs?limit=" + JOBS).json().path("items")) {
            statuses.put(job.path("id").asString(), job.path("status").asString());
        }
        return statuses;
    }
}
