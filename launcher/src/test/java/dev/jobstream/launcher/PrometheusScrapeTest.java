package dev.jobstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The whole platform scraped as Prometheus would: each service answers {@code /actuator/prometheus} with the series
 * docs/metrics.md names once a job went through.
 */
class PrometheusScrapeTest {

    private final JobstreamPlatform platform = SharedPlatform.get();
    private final JobsApi api = new JobsApi(platform.gatewayPort());
    private final String user = "metrics-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void everyServiceServesItsSeriesOnceAJobRan() {
        // given
        String body = "{\"payload\": {\"type\": \"compute\", \"size\": 1000}}";
        String id = api.submit(user, body).json().path("id").asString();

        // when
        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.job(user, id).json().path("status").asString().equals("done"));

        // then
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(scrape(platform.gatewayPort())).contains("jobstream_submissions_total{")
                    .contains("outcome=\"accepted\"");
            assertThat(scrape(platform.processorPort())).contains("jobstream_executions_total{")
                    .contains("jobstream_job_duration_seconds_bucket{").contains("jobstream_queue_wait_seconds_bucket{")
                    .contains("jobstream_jobs_running ");
            assertThat(scrape(platform.projectorPort())).contains("jobstream_projector_lag_seconds ")
                    .contains("jobstream_dashboard_viewers ");
        });
    }

    private static String scrape(int port) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
