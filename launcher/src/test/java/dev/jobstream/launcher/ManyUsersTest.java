package dev.jobstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ManyUsersTest {

    private static final int USERS = 10;
    private static final int JOBS_PER_USER = 100;

    private final JobsApi api = new JobsApi(SharedPlatform.get().gatewayPort());

    @Test
    void thousandJobsOfTenUsersAllFinishAndEachUserListsExactlyTheirs() throws InterruptedException {
        // given
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Set<String>> submitted = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        for (int u = 0; u < USERS; u++) {
            String user = "many-" + run + "-" + u;
            submitted.put(user, ConcurrentHashMap.newKeySet());
            for (int j = 0; j < JOBS_PER_USER; j++) {
                clients.submit(() -> {
                    JobsApi.Response response = api.submit(user, "{\"payload\": {\"type\": \"default\"}}");
                    assertThat(response.status()).isEqualTo(202);
                    submitted.get(user).add(response.text("id"));
                });
            }
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

        // when
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (String user : submitted.keySet()) {
                assertThat(listAll(user, "done")).hasSize(JOBS_PER_USER);
            }
        });

        // then
        for (Map.Entry<String, Set<String>> user : submitted.entrySet()) {
            assertThat(user.getValue()).hasSize(JOBS_PER_USER);
            assertThat(new HashSet<>(listAll(user.getKey(), null))).isEqualTo(user.getValue());
        }
    }

    private List<String> listAll(String user, String status) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            String query = "/api/jobs?limit=37" + (status != null ? "&status=" + status : "")
                    + (cursor != null ? "&cursor=" + cursor : "");
            JsonNode page = api.get(user, query).json();
            page.path("items").forEach(item -> ids.add(item.path("id").asString()));
            cursor = page.path("next_cursor").isString() ? page.path("next_cursor").asString() : null;
        } while (cursor != null);
        return ids;
    }
}
