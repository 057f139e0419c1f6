package dev.jobstream.projector.dashboard;

import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.JobStatus;
import java.util.Map;
import java.util.Optional;
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
 * {@code {"type": "subscribe", "filter": {"user_id", "type", "status", "search"}, "resume": {"epoch", "seq"},
 * "key"}}, when it connects and whenever its filter changes; {@code resume} names the last change it applied,
 * after a reconnect. Everything else goes from the server to the page (see {@link ServerMessage}).
 *
 * <p>In the {@code api-key} mode the first subscribe message must carry an API key, which holds for the whole
 * connection. The key travels in the message rather than in the socket's address, so that it appears in no
 * access log. Without a valid key the page gets an {@code error} and the connection is closed with 1008 (policy
 * violation), or with 1013 (try again later) while the projector is still reading the keys. A user's key sees
 * that user's jobs whatever owner its filter names; the admin key sees every user's. A connection whose key is
 * revoked is closed the same way when the revocation arrives.
 */
@Component
class DashboardSocketHandler extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(DashboardSocketHandler.class);

    private final DashboardHub hub;
    private final DashboardAccess access;
    private final ExecutorService sender;
    private final int queueCapacity;
    private final Map<String, DashboardSession> sessions = new ConcurrentHashMap<>();

    DashboardSocketHandler(DashboardHub hub, DashboardAccess access, GrantedKeys keys,
            @Qualifier("dashboardSender") ExecutorService sender, DashboardProperties properties) {
        this.hub = hub;
        this.access = access;
        keys.onRevoked(this::closeSessionsOf);
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
            Optional<Viewer> viewer = session.viewer().or(() -> signIn(session, text(request, "key")));
            if (viewer.isPresent()) {
                session.subscribe(viewer.get().restrict(filter(request.path("filter"))),
                        position(request.path("resume")));
            }
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

    /** Takes the page's key, or refuses the page; empty when refused. */
    private Optional<Viewer> signIn(DashboardSession session, @Nullable String key) {
        Optional<Viewer> viewer = access.viewerOf(key);
        if (viewer.isPresent()) {
            session.signIn(viewer.get(), access.keyRequired());
            return viewer;
        }
        if (key != null && access.stillLearningKeys()) {
            log.debug("Dashboard session {} presented a key not read yet; asked to come back", session.id());
            session.refuse(new ServerMessage.Refused("unavailable", "The dashboard is still reading the API keys;"
                    + " try again in a moment."), CloseStatus.SERVICE_OVERLOAD.withReason("keys not read yet"));
        } else {
            log.debug("Dashboard session {} presented no valid API key; refused", session.id());
            session.refuse(new ServerMessage.Refused("unauthorized", key == null ? "Send an API key."
                    : "The API key is not valid or was revoked."),
                    CloseStatus.POLICY_VIOLATION.withReason("API key required"));
        }
        return Optional.empty();
    }

    /** Closes the connections made with a key that was just revoked. */
    private void closeSessionsOf(String keyId) {
        for (DashboardSession session : sessions.values()) {
            if (session.viewer().map(viewer -> keyId.equals(viewer.keyId())).orElse(false)) {
                log.debug("Dashboard session {} closed: its API key {} was revoked", session.id(), keyId);
                session.refuse(new ServerMessage.Refused("revoked", "The API key was revoked."),
                        CloseStatus.POLICY_VIOLATION.withReason("API key revoked"));
            }
        }
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
