package dev.jobstream.projector.dashboard;

import dev.jobstream.contract.JobCodec;
import dev.jobstream.projector.aggregate.JobScope;
import dev.jobstream.projector.aggregate.StatusCounts;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One page connected to the dashboard: what it asked to see, and the messages waiting to be sent to it.
 *
 * <p>Messages wait in a bounded queue and are sent on a sender thread, one at a time, so a page that reads slowly
 * or not at all delays only itself. When the queue is full, its messages are dropped and the page is sent a fresh
 * snapshot instead once it reads again.
 */
final class DashboardSession {

    private static final Logger log = LoggerFactory.getLogger(DashboardSession.class);

    private final WebSocketSession socket;
    private final DashboardHub hub;
    private final Executor sender;
    private final int queueCapacity;
    private final BlockingQueue<String> outbox;
    private final AtomicBoolean sending = new AtomicBoolean();
    private final AtomicReference<@Nullable CatchUp> pendingCatchUp = new AtomicReference<>();
    private final AtomicReference<@Nullable CloseStatus> closing = new AtomicReference<>();
    private final AtomicReference<ServerMessage.@Nullable Signed> greeting = new AtomicReference<>();
    private volatile @Nullable JobFilter filter;
    private volatile @Nullable Viewer viewer;

    DashboardSession(WebSocketSession socket, DashboardHub hub, Executor sender, int queueCapacity) {
        this.socket = socket;
        this.hub = hub;
        this.sender = sender;
        this.queueCapacity = queueCapacity;
        this.outbox = new ArrayBlockingQueue<>(queueCapacity);
    }

    String id() {
        return socket.getId();
    }

    /** Who watches; nobody until the page's key, or in the {@code x-user-id} mode its first message, is taken. */
    Optional<Viewer> viewer() {
        return Optional.ofNullable(viewer);
    }

    /**
     * The page is known to be watched by the viewer, and is told whose jobs it sees before anything else; the
     * message does not wait in the queue, which a catch-up empties.
     */
    void signIn(Viewer signedIn, boolean announce) {
        viewer = signedIn;
        if (announce) {
            greeting.set(new ServerMessage.Signed(signedIn.userId(), signedIn.seesEveryone()));
            scheduleSending();
        }
    }

    /**
     * Sends the page why, then closes its connection; nothing else is sent to it from now on.
     */
    void refuse(ServerMessage.Refused refusal, CloseStatus status) {
        filter = null;
        greeting.set(null);
        pendingCatchUp.set(null);
        outbox.clear();
        outbox.offer(JobCodec.mapper().writeValueAsString(refusal));
        closing.set(status);
        scheduleSending();
    }

    /** The page's filter; nothing until it has subscribed. */
    Optional<JobFilter> filter() {
        return Optional.ofNullable(filter);
    }

    /**
     * The page asks for jobs of a filter: it gets a snapshot, or, when it names where it was and the changes
     * since are still kept, just those.
     */
    void subscribe(JobFilter newFilter, @Nullable Position resumeFrom) {
        if (closing.get() != null) {
            return;
        }
        filter = newFilter;
        catchUp(new CatchUp(resumeFrom));
    }

    /** The page is sent a fresh snapshot before anything else. */
    void resynchronize() {
        if (filter != null) {
            catchUp(new CatchUp(null));
        }
    }

    /**
     * Queues the change for the page if it touches jobs of its owner and type. Called by the hub, under its
     * lock, in the order of the changes.
     *
     * @param countsOf the current counts of a scope
     */
    void offer(Delta delta, Function<JobScope, StatusCounts> countsOf) {
        JobFilter current = filter;
        if (current == null || pendingCatchUp.get() != null) {
            return;
        }
        List<JobSummary> visible = delta.jobs().stream().filter(current::inScope).toList();
        if (!visible.isEmpty()) {
            enqueue(new ServerMessage.Changes(delta.seq(), visible, countsOf.apply(current.scope())));
        }
    }

    /** Queues the charts, unless a catch-up, which brings its own, is on its way. */
    void offer(ServerMessage.Metrics metrics) {
        if (filter != null && pendingCatchUp.get() == null) {
            enqueue(metrics);
        }
    }

    /** Forgets the queued messages; the hub calls it, under its lock, just before it builds a catch-up. */
    void discardQueued() {
        outbox.clear();
    }

    void close(CloseStatus status) {
        try {
            socket.close(status);
        } catch (IOException | RuntimeException failure) {
            log.debug("Dashboard session {} did not close cleanly: {}", id(), failure.toString());
        }
    }

    private void enqueue(ServerMessage message) {
        if (closing.get() != null) {
            return;
        }
        if (!outbox.offer(JobCodec.mapper().writeValueAsString(message))) {
            outbox.clear();
            log.debug("Dashboard session {} fell {} messages behind; it gets a snapshot instead", id(),
                    queueCapacity);
            catchUp(new CatchUp(null));
            return;
        }
        scheduleSending();
    }

    private void catchUp(CatchUp request) {
        pendingCatchUp.set(request);
        scheduleSending();
    }

    private void scheduleSending() {
        if (sending.compareAndSet(false, true)) {
            sender.execute(this::sendQueued);
        }
    }

    /** Sends what is queued, catching up first when asked to; runs on a sender thread, one at a time. */
    private void sendQueued() {
        try {
            while (socket.isOpen()) {
                ServerMessage.Signed signed = greeting.getAndSet(null);
                if (signed != null) {
                    sendAll(List.of(signed));
                    continue;
                }
                CatchUp request = pendingCatchUp.getAndSet(null);
                if (request != null) {
                    sendAll(hub.catchUp(this, request.from()));
                    continue;
                }
                String message = outbox.poll();
                if (message == null) {
                    break;
                }
                socket.sendMessage(new TextMessage(message));
            }
        } catch (IOException | RuntimeException failure) {
            log.debug("Could not send to dashboard session {}; closing it: {}", id(), failure.toString());
            close(CloseStatus.SERVER_ERROR);
        } finally {
            sending.set(false);
        }
        if (socket.isOpen() && (greeting.get() != null || pendingCatchUp.get() != null || !outbox.isEmpty())) {
            scheduleSending();
            return;
        }
        CloseStatus closeWith = closing.get();
        if (closeWith != null && socket.isOpen()) {
            close(closeWith);
        }
    }

    private void sendAll(List<ServerMessage> messages) throws IOException {
        for (ServerMessage message : messages) {
            socket.sendMessage(new TextMessage(JobCodec.mapper().writeValueAsString(message)));
        }
    }

    /** A request to bring the page up to date, from a position or, without one, with a snapshot. */
    private record CatchUp(@Nullable Position from) {
    }
}
