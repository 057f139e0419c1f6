package dev.jobstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed requests of the README, against the whole platform on a real broker and database.
 */
class SeedFlowTest {

    private static JobsApi api;

    @BeforeAll
    static void startPlatform() {
        api = new JobsApi(SharedPlatform.get().gatewayPort());
    }

    @Test
    void sleepJobIsAcceptedAndDoneWithinThreeSeconds() {
        // given
        JobsApi.Response accepted = api.submit("1", "{\"payload\": {\"type\": \"sleep\", \"duration\": 1}}");

        // when
        String id = accepted.text("id");

        // then
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.location()).endsWith("/api/jobs/" + id);
        assertThat(accepted.text("status")).isEqualTo("pending");
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(api.job("1", id).text("status")).isEqualTo("done"));
        JobsApi.Response done = api.job("1", id);
        assertThat(done.json().path("attempts").asInt()).isEqualTo(1);
        assertThat(done.json().path("duration_ms").asLong()).isBetween(1_000L, 2_500L);
    }

    @Test
    void failJobEndsFailedWithItsErrorVisible() {
        // given
        JobsApi.Response accepted = api.submit("1", "{\"payload\": {\"type\": \"fail\"}, \"max_retries\": 3}");

        // when
        String id = accepted.text("id");

        // then
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.json().path("max_retries").asInt()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(api.job("1", id).text("status")).isIn("failed", "dead"));
        assertThat(api.job("1", id).json().path("last_error").path("message").asString()).isNotBlank();
    }

    @Test
    void anotherUsersJobIsNotFound() {
        // given
        String id = api.submit("1", "{\"payload\": {\"type\": \"default\"}}").text("id");

        // when
        JobsApi.Response response = api.job("2", id);

        // then
        assertThat(response.status()).isEqualTo(404);
        assertThat(api.job("1", id).status()).isEqualTo(200);
    }
}
