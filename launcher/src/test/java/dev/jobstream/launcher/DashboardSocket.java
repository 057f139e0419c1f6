package dev.jobstream.launcher;

import dev.jobstream.contract.JobCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A viewer of the live dashboard without a browser: it subscribes to one user's jobs over the WebSocket and
 * keeps the latest status each message gave each job.
 */
final class DashboardSocket implements WebSocket.Listener, AutoCloseable {

    private final Map<String, String> statuses = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> firstDone = new ConcurrentHashMap<>();
    private final AtomicInteger snapshots = new AtomicInteger();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    private DashboardSocket(int projectorPort, String userId) {
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:" + projectorPort + "/ws/jobs"), this).join();
        socket.sendText("{\"type\": \"subscribe\", \"filter\": {\"user_id\": \"" + userId + "\"}}", true).join();
    }

    /** Connects to a projector and subscribes to the user's jobs. */
    static DashboardSocket connect(int projectorPort, String userId) {
        return new DashboardSocket(projectorPort, userId);
    }

    /** The latest status the messages gave each job, by job id. */
    Map<String, String> statuses() {
        return Map.copyOf(statuses);
    }

    /** How many snapshots arrived. */
    int snapshots() {
        return snapshots.get();
    }

    @Override
    public synchronized CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            apply(JobCodec.mapper().readTree(partial.toString()));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    /**
     * For each job, the first pushed message that showed it done, with {@code arrived_at} (epoch millis) added to
     * the job's fields.
     */
    Map<String, JsonNode> firstDone() {
        return Map.copyOf(firstDone);
    }

    private void apply(JsonNode message) {
        long arrivedAt = System.currentTimeMillis();
        boolean snapshot = message.path("type").asString().equals("snapshot");
        if (snapshot) {
            snapshots.incrementAndGet();
        }
        for (JsonNode job : message.path("jobs")) {
            String id = job.path("id").asString();
            statuses.put(id, job.path("status").asString());
            if (!snapshot && job.path("status").asString().equals("done") && job instanceof ObjectNode fields) {
                firstDone.putIfAbsent(id, fields.put("arrived_at", arrivedAt));
            }
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }
}
