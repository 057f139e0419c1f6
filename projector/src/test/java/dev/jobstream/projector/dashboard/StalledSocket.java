package dev.jobstream.projector.dashboard;

import java.net.InetSocketAddress;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * A page that stops reading: every send blocks until the test releases it, as a send to a browser whose
 * network buffers are full does. It keeps what it was sent.
 */
final class StalledSocket implements WebSocketSession {

    private final CompletableFuture<Void> released = new CompletableFuture<>();
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private volatile boolean open = true;

    /** Lets the blocked send, and all later ones, through. */
    void release() {
        released.complete(null);
    }

    /** How many sends were started, including one that is blocked. */
    int attempts() {
        return attempts.get();
    }

    /** What was sent so far, in order. */
    List<String> sent() {
        return List.copyOf(sent);
    }

    @Override
    public void sendMessage(WebSocketMessage<?> message) {
        attempts.incrementAndGet();
        released.join();
        sent.add(((TextMessage) message).getPayload());
    }

    @Override
    public String getId() {
        return "stalled";
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }

    @Override
    public void close(CloseStatus status) {
        open = false;
    }

    @Override
    public @Nullable URI getUri() {
        return null;
    }

    @Override
    public HttpHeaders getHandshakeHeaders() {
        return new HttpHeaders();
    }

    @Override
    public Map<String, Object> getAttributes() {
        return attributes;
    }

    @Override
    public @Nullable Principal getPrincipal() {
        return null;
    }

    @Override
    public @Nullable InetSocketAddress getLocalAddress() {
        return null;
    }

    @Override
    public @Nullable InetSocketAddress getRemoteAddress() {
        return null;
    }

    @Override
    public @Nullable String getAcceptedProtocol() {
        return null;
    }

    @Override
    public void setTextMessageSizeLimit(int messageSizeLimit) {
    }

    @Override
    public int getTextMessageSizeLimit() {
        return Integer.MAX_VALUE;
    }

    @Override
    public void setBinaryMessageSizeLimit(int messageSizeLimit) {
    }

    @Override
    public int getBinaryMessageSizeLimit() {
        return Integer.MAX_VALUE;
    }

    @Override
    public List<WebSocketExtension> getExtensions() {
        return List.of();
    }
}
