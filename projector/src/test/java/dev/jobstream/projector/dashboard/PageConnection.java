package dev.jobstream.projector.dashboard;

import dev.jobstream.contract.JobCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A dashboard page's WebSocket connection, as a test sees it: it subscribes and keeps every message it gets.
 */
final class PageConnection implements WebSocket.Listener, AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;
    private volatile int closeCode = -1;

    private PageConnection(int port) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:" + port + "/ws/jobs"), this).join();
    }

    static PageConnection open(int port) {
        return new PageConnection(port);
    }

    /** Asks for the jobs of one user, resuming after a change of an epoch when both are given. */
    PageConnection subscribe(String userId, @Nullable String epoch, long seq) {
        ObjectNode message = JobCodec.mapper().createObjectNode().put("type", "subscribe");
        message.putObject("filter").put("user_id", userId);
        if (epoch != null) {
            message.putObject("resume").put("epoch", epoch).put("seq", seq);
        }
        socket.sendText(message.toString(), true).join();
        return this;
    }

    /** Asks for the jobs of one user, or of every user when none is named, presenting an API key. */
    PageConnection subscribeWithKey(@Nullable String userId, @Nullable String key) {
        ObjectNode message = JobCodec.mapper().createObjectNode().put("type", "subscribe");
        ObjectNode filter = message.putObject("filter");
        if (userId != null) {
            filter.put("user_id", userId);
        }
        if (key != null) {
            message.put("key", key);
        }
        socket.sendText(message.toString(), true).join();
        return this;
    }

    /** The code the server closed the connection with, waiting for it to close. */
    int awaitClosed() {
        return Awaitility.await().atMost(PATIENCE).until(() -> closeCode, code -> code >= 0);
    }

    /** The first message of the type received after the first {@code skip} of them, waiting for it. */
    JsonNode awaitMessage(String type, int skip) {
        return Awaitility.await().atMost(PATIENCE).until(() -> ofType(type), messages -> messages.size() > skip)
                .get(skip);
    }

    /** Waits until a delta or resumed message has shown the job in the status. */
    void awaitJob(String id, String status) {
        Awaitility.await().atMost(PATIENCE).until(() -> latestStatus(id), status::equals);
    }

    /** The status the messages so far give the job; null if none mentioned it. */
    @Nullable String latestStatus(String id) {
        String status = null;
        for (JsonNode message : received) {
            for (String list : List.of("jobs", "dead")) {
                for (JsonNode job : message.path(list)) {
                    if (job.path("id").asString().equals(id)) {
                        status = job.path("status").asString();
                    }
                }
            }
        }
        return status;
    }

    List<JsonNode> ofType(String type) {
        List<JsonNode> matching = new ArrayList<>();
        for (JsonNode message : received) {
            if (message.path("type").asString().equals(type)) {
                matching.add(message);
            }
        }
        return matching;
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
