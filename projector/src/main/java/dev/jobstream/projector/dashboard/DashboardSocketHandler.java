package dev.jobstream.projector.dashboard;

import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.JobStatus;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard's WebSocket, {@code /ws/jobs}. A page sends one kind of message,
 * {@code {"type": "subscribe", "filter": {"user_id", "type", "status", "search"}, "resume": {"epoch", "seq"}}},
 * when it connects and whenever its filter changes; {@code resume} names the last change it applied, after a
 * reconnect. Everything else goes from the server to the page (see {@link ServerMessage}).
 */
@Component
class DashboardSocketHandler extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(DashboardSocketHandler.class);

    private final DashboardHub hub;
    private final ExecutorService sender;
    private final int queueCapacity;
    private final Map<String, DashboardSession> sessions = new ConcurrentHashMap<>();

    DashboardSocketHandler(DashboardHub hub, @Qualifier("dashboardSender") ExecutorService sender,
            DashboardProperties properties) {
        this.hub = hub;
        this.sender = sender;
        this.queueCapacity = properties.sessionQueue();
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession socket) {
        DashboardSession session = new DashboardSession(socket, hub, sender, queueCapacity);
        sessions.put(socket.getId(), session);
        hub.join(session);
        log.debug("Dashboard session {} connected from {}", socket.getId(), socket.getRemoteAddress());
    }

    @Override
    protected void handleTextMessage(WebSocketSession socket, TextMessage message) {
        DashboardSession session = sessions.get(socket.getId());
        if (session == null) {
            return;
        }
        try {
            JsonNode request = JobCodec.mapper().readTree(message.getPayload());
            if (!"subscribe".equals(text(request, "type"))) {
                throw new IllegalArgumentException("unknown message type " + request.path("type"));
            }
            session.subscribe(filter(request.path("filter")), position(request.path("resume")));
        } catch (JacksonException | IllegalArgumentException invalid) {
            log.debug("Dashboard session {} sent an invalid message: {}", socket.getId(), invalid.getMessage());
            session.close(CloseStatus.BAD_DATA.withReason("invalid subscribe message"));
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession socket, CloseStatus status) {
        DashboardSession session = sessions.remove(socket.getId());
        if (session != null) {
            hub.leave(session);
        }
        log.debug("Dashboard session {} closed: {}", socket.getId(), status);
    }

    private static JobFilter filter(JsonNode filter) {
        String status = text(filter, "status");
        return new JobFilter(text(filter, "user_id"), text(filter, "type"),
                status == null ? null : JobStatus.fromWireName(status), text(filter, "search"));
    }

    private static @Nullable Position position(JsonNode resume) {
        String epoch = text(resume, "epoch");
        if (epoch == null || !resume.path("seq").isIntegralNumber()) {
            return null;
        }
        return new Position(epoch, resume.path("seq").asLong());
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }
}
