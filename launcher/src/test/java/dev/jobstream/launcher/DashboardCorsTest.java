package dev.jobstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The gateway lets the dashboard's pages, and only them, call it from a browser (by default the dashboard on
 * this machine, {@code http://localhost:3001}).
 */
class DashboardCorsTest {

    private static final String DASHBOARD = "http://localhost:3001";

    private final HttpClient http = HttpClient.newHttpClient();
    private final int gatewayPort = SharedPlatform.get().gatewayPort();

    @Test
    void theDashboardMayReplayAJobFromTheBrowser() throws Exception {
        // given
        String path = "/api/jobs/" + UUID.randomUUID() + "/retry";

        // when
        HttpResponse<String> preflight = preflight(path, DASHBOARD, "POST");

        // then
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(DASHBOARD);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
                .contains("x-user-id");
    }

    @Test
    void theDashboardMayReadJobsAndSeeTheAnswer() throws Exception {
        // when
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri("/api/jobs")).header("Origin", DASHBOARD)
                .header("X-User-Id", "cors").GET().build(), HttpResponse.BodyHandlers.ofString());

        // then
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).hasValue(DASHBOARD);
    }

    @Test
    void pagesOfAnyOtherOriginAreRefused() throws Exception {
        // when
        HttpResponse<String> preflight = preflight("/api/jobs", "http://evil.example", "POST");

        // then
        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private HttpResponse<String> preflight(String path, String origin, String method)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "x-user-id")
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + gatewayPort + path);
    }
}
