package dev.jobstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jobstream.contract.JobCodec;
import dev.jobstream.testsupport.TestInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole platform in the {@code api-key} mode, set for the gateway only: the launcher gives the dashboard the
 * same mode and admin key, and a key the administrator issues at the gateway reaches the dashboard through Kafka.
 */
class DashboardApiKeyModeTest {

    private static final String ADMIN_KEY = "admin-key-of-the-launcher-tests";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static JobstreamPlatform platform;

    @BeforeAll
    static void startInApiKeyMode() {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        List<String> args = new ArrayList<>(SharedPlatform.UNTHROTTLED);
        args.add("--jobstream.gateway.auth.mode=api-key");
        args.add("--jobstream.gateway.auth.admin-key=" + ADMIN_KEY);
        platform = JobstreamPlatform.start(new LauncherSettings(Path.of("target", "unused-data"), 0, 0, 0, 0, 0,
                infrastructure.bootstrapServers(), new LauncherSettings.Database(infrastructure.jdbcUrl(),
                        infrastructure.username(), infrastructure.password()), List.copyOf(args)));
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void aKeyIssuedAtTheGatewayShowsItsUsersJobsOnTheDashboard() throws Exception {
        String user = "keyed-" + UUID.randomUUID();
        String key = issueKeyTo(user);
        String job = submit(key, "{\"payload\": {\"type\": \"default\"}}");

        try (Page page = Page.open(platform.projectorPort(), key)) {

            await().atMost(PATIENCE).until(() -> page.statusOf(job), "done"::equals);
            assertThat(page.first("viewer").path("user_id").asString()).isEqualTo(user);
        }
    }

    @Test
    void aUserReplaysItsDeadJobFromThePageWithItsKey() throws Exception {
        String user = "keyed-" + UUID.randomUUID();
        String key = issueKeyTo(user);
        try (DashboardPage page = DashboardPage.openWithKey(platform, key)) {
            String id = submit(key, "{\"payload\": {\"type\": \"fail\", \"message\": \"disk full\"}, "
                    + "\"max_retries\": 0}");
            String settled = await().atMost(PATIENCE).until(() -> page.statusInTable(id).orElse(""),
                    status -> status.equals("dead") || status.equals("failed"));
            Assumptions.assumeTrue(settled.equals("dead"), "the processor ends a job out of retries as failed");
            await().atMost(PATIENCE).until(() -> page.listsAsDead(id));

            page.replayFromDeadLetters(id);

            await().atMost(PATIENCE).until(() -> page.deadLetterStatus().contains("replayed"));
            await().atMost(PATIENCE).until(() -> page.generationInTable(id).orElse(""), "1"::equals);
            assertThat(page.viewerText()).contains(user);
        }
    }

    @Test
    void theDashboardRefusesAPageWithoutAKey() {
        try (Page page = Page.open(platform.projectorPort(), null)) {

            await().atMost(PATIENCE).until(() -> page.closeCode, code -> code == 1008);
            assertThat(page.first("error").path("reason").asString()).isEqualTo("unauthorized");
        }
    }

    private static String issueKeyTo(String user) throws IOException, InterruptedException {
        HttpResponse<String> issued = HTTP.send(HttpRequest.newBuilder(gateway("/api/admin/keys"))
                .header("Authorization", "Bearer " + ADMIN_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user_id\": \"" + user + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return JobCodec.mapper().readTree(issued.body()).path("key").asString();
    }

    private static String submit(String key, String body) throws IOException, InterruptedException {
        HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(gateway("/api/jobs"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return JobCodec.mapper().readTree(accepted.body()).path("id").asString();
    }

    private static URI gateway(String path) {
        return URI.create("http://localhost:" + platform.gatewayPort() + path);
    }

    /** A page of the dashboard that subscribes to every job it may see, with a key, and keeps what it gets. */
    private static final class Page implements WebSocket.Listener, AutoCloseable {

        private final List<JsonNode> received = new CopyOnWriteArrayList<>();
        private final StringBuilder partial = new StringBuilder();
        private final WebSocket socket;
        private volatile int closeCode = -1;

        private Page(int port, @Nullable String key) {
            socket = HTTP.newWebSocketBuilder().buildAsync(URI.create("ws://localhost:" + port + "/ws/jobs"), this)
                    .join();
            ObjectNode subscribe = JobCodec.mapper().createObjectNode().put("type", "subscribe");
            subscribe.putObject("filter");
            if (key != null) {
                subscribe.put("key", key);
            }
            socket.sendText(subscribe.toString(), true).join();
        }

        static Page open(int port, @Nullable String key) {
            return new Page(port, key);
        }

        JsonNode first(String type) {
            return await().atMost(PATIENCE).until(() -> received.stream()
                    .filter(message -> message.path("type").asString().equals(type)).findFirst(),
                    found -> found.isPresent()).orElseThrow();
        }

        @Nullable String statusOf(String jobId) {
            String status = null;
            for (JsonNode message : received) {
                for (JsonNode job : message.path("jobs")) {
                    if (job.path("id").asString().equals(jobId)) {
                        status = job.path("status").asString();
                    }
                }
            }
            return status;
        }

        @Override
        public synchronized CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(JobCodec.mapper().readTree(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode = statusCode;
            return null;
        }

        @Override
        public void close() {
            if (closeCode < 0 && !socket.isOutputClosed()) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
            }
        }
    }
}
