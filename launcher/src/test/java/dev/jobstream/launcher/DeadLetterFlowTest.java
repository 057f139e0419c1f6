package dev.jobstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Dead jobs, replays, discards and cancellation across the whole platform: gateway, processor and projector on a
 * real broker and database.
 */
class DeadLetterFlowTest {

    private final JobsApi api = new JobsApi(SharedPlatform.get().gatewayPort());
    private final String user = "dlq-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void twoReplaysOfADeadJobAtOnceRunItOnce() {
        // given
        String id = deadJob("disk full");

        // when
        CompletableFuture<JobsApi.Response> first = CompletableFuture.supplyAsync(() -> replay(id));
        CompletableFuture<JobsApi.Response> second = CompletableFuture.supplyAsync(() -> replay(id));
        List<Integer> statuses = new ArrayList<>(List.of(first.join().status(), second.join().status()));

        // then
        assertThat(statuses).containsExactlyInAnyOrder(202, 409);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode job = api.job(user, id).json();
            assertThat(job.path("status").asString()).isEqualTo("dead");
            assertThat(job.path("generation").asInt()).isEqualTo(1);
        });
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> StatusTopic.count(id, StatusTopic.runningIn(1)) == 1);
    }

    @Test
    void deadJobIsListedInTheDeadLetterQueueWithItsError() {
        // given
        String id = deadJob("printer on fire");

        // when
        JsonNode dead = api.get(user, "/api/dlq?q=printer").json();

        // then
        assertThat(dead.path("items")).extracting(item -> item.path("id").asString()).containsExactly(id);
        assertThat(api.job(user, id).json().path("errors")).hasSize(1);
    }

    @Test
    void discardedJobLeavesTheQueueAndKeepsItsHistory() {
        // given
        String id = deadJob("no space");

        // when
        JobsApi.Response discarded = api.delete(user, "/api/jobs/" + id);

        // then
        assertThat(discarded.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(api.job(user, id).text("status")).isEqualTo("discarded"));
        assertThat(api.job(user, id).json().path("errors")).hasSize(1);
        assertThat(api.get(user, "/api/dlq").json().path("items")).isEmpty();
        assertThat(replay(id).status()).isEqualTo(409);
    }

    @Test
    void bulkReplayReplaysEveryMatchingDeadJob() {
        // given
        List<String> ids = List.of(deadJob("quota"), deadJob("quota"), deadJob("other"));

        // when
        JobsApi.Response replayed = api.post(user, "/api/dlq/retry", "{\"q\": \"quota\"}");

        // then
        assertThat(replayed.json().path("replayed").asInt()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(api.job(user, ids.get(0)).json().path("generation").asInt()).isEqualTo(1);
            assertThat(api.job(user, ids.get(1)).json().path("generation").asInt()).isEqualTo(1);
        });
        assertThat(api.job(user, ids.get(2)).json().path("generation").asInt()).isZero();
    }

    @Test
    void cancelledRunningJobStopsAndNeverFinishes() {
        // given
        String id = api.submit(user, "{\"payload\": {\"type\": \"sleep\", \"duration\": 30}}").text("id");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(api.job(user, id).text("status")).isEqualTo("running"));

        // when
        JobsApi.Response cancelled = api.post(user, "/api/jobs/" + id + "/cancel", "");

        // then
        assertThat(cancelled.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(api.job(user, id).text("status")).isEqualTo("cancelled"));
        assertThat(api.post(user, "/api/jobs/" + id + "/cancel", "").status()).isEqualTo(409);
    }

    private String deadJob(String message) {
        String id = api.submit(user, "{\"payload\": {\"type\": \"fail\", \"message\": \"" + message
                + "\"}, \"max_retries\": 0}").text("id");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(api.job(user, id).text("status")).isEqualTo("dead"));
        return id;
    }

    private JobsApi.Response replay(String id) {
        return api.post(user, "/api/jobs/" + id + "/retry", "");
    }
}
