package dev.jobstream.processor.slot;

import dev.jobstream.processor.claim.JobRunKey;
import dev.jobstream.processor.execution.JobRun;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Lets a claimed attempt start only once it holds one of its user's slots (see {@link UserSlots}), so that at most
 * {@code jobstream.processor.concurrency.per-user} jobs of a user run at once across all processors.
 *
 * <p>An attempt without a slot waits here, in memory, in arrival order per user: its record stays unfinished, so its
 * offset is not committed and a processor that dies leaves it to the next owner of its partition. It has not
 * started, so it is no attempt yet and emits nothing. The gate's own thread asks for slots for the waiting attempts
 * of every user that this processor holds fewer slots of than the user's limit, in one transaction, whenever an
 * attempt arrives or a local one ends, and every
 * {@code concurrency.retry-interval} for slots freed elsewhere or by expired leases; the poll loop never waits for
 * it. The slot of an ended attempt goes straight to the next waiting attempt of the same user, in memory; the
 * same thread gives back the slots no waiting attempt needs (batched) and renews this processor's leases every
 * {@code concurrency.renew-interval}, so the slots of a processor that was killed free up after
 * {@code concurrency.lease-ttl}. An attempt whose job was cancelled before it started needs no slot.
 *
 * <p>Slots are taken when an attempt is due to start rather than when its record is claimed: a job held in memory
 * until its {@code not_before} then holds no slot while it waits, and the claim statement stays as it is.
 *
 * <p>A slot is handed on only while its lease is known to hold: the last renewal found it and is younger than the
 * lease time. Otherwise the slot is given back and the next attempt asks PostgreSQL like any other.
 *
 * <p>Limitations: an attempt that waits for a slot delays the hand-over of its partition by up to the revoke grace,
 * as a running one does. When this processor cannot reach PostgreSQL for longer than the lease time, its running
 * attempts lose their leases and other processors may start more of the same users' jobs meanwhile. While this
 * processor has a backlog of a user's attempts it keeps handing that user's slots on, so another processor's
 * attempts of the same user wait until the backlog is done.
 */
@Component
public class SlotGate implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SlotGate.class);

    private final UserSlots slots;
    private final ConcurrencyProperties properties;
    private final Queue<Waiting> arrivals = new ConcurrentLinkedQueue<>();
    private final Queue<Lease> ended = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private final Map<JobRunKey, Waiting> waiting = new HashMap<>();
    private final Map<String, Deque<Waiting>> waitingByUser = new LinkedHashMap<>();
    private final Map<String, Integer> heldByUser = new HashMap<>();
    private final Set<UUID> heldSlots = new HashSet<>();
    private long renewedAt = System.nanoTime();
    private @Nullable ScheduledExecutorService thread;

    SlotGate(UserSlots slots, ConcurrencyProperties properties) {
        this.slots = slots;
        this.properties = properties;
    }

    /**
     * Runs an attempt on the workers once it holds a slot of its user, and gives the slot back when it ends.
     * Returns at once; safe on any thread.
     */
    public void execute(JobRun run, Executor workers) {
        arrivals.add(new Waiting(run, workers));
        wakeUp();
    }

    @Override
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(
                new CustomizableThreadFactory("user-slots-"));
        long retry = properties.retryInterval().toMillis();
        long renew = properties.renewInterval().toMillis();
        renewedAt = System.nanoTime();
        started.scheduleWithFixedDelay(this::grant, retry, retry, TimeUnit.MILLISECONDS);
        started.scheduleWithFixedDelay(this::renew, renew, renew, TimeUnit.MILLISECONDS);
        thread = started;
    }

    @Override
    public synchronized void stop() {
        if (thread == null) {
            return;
        }
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
            slots.releaseAll();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (DataAccessException failure) {
            log.warn("Could not give back the slots of this processor; they free up when their leases run out",
                    failure);
        }
        heldSlots.clear();
        heldByUser.clear();
        thread = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return thread != null;
    }

    /** Starts before the job consumer and stops after it, so that no attempt is left waiting for the gate. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 1;
    }

    private void wakeUp() {
        ScheduledExecutorService running = thread;
        if (running != null && wakeUpPending.compareAndSet(false, true)) {
            try {
                running.execute(this::grant);
            } catch (RejectedExecutionException stopping) {
                wakeUpPending.set(false);
            }
        }
    }

    private void grant() {
        wakeUpPending.set(false);
        try {
            takeArrivals();
            releaseEnded();
            startGranted(slots.acquire(requests()));
        } catch (DataAccessException failure) {
            log.warn("Could not lease slots for {} waiting jobs; trying again in {}", waiting.size(),
                    properties.retryInterval(), failure);
        } catch (RuntimeException failure) {
            log.error("Slot gate failed; trying again in {}", properties.retryInterval(), failure);
        }
    }

    /**
     * Renews this processor's leases, and learns which of them it still holds: a slot whose lease ran out while
     * PostgreSQL could not be reached may have gone to another processor, so it is no longer handed on.
     */
    private void renew() {
        try {
            Set<UUID> held = slots.renew();
            renewedAt = System.nanoTime();
            int before = heldSlots.size();
            heldSlots.retainAll(held);
            if (heldSlots.size() < before) {
                log.warn("{} slot leases of this processor ran out before they were renewed; the jobs in them run "
                        + "to their end, and their slots are given back then", before - heldSlots.size());
            }
        } catch (DataAccessException failure) {
            log.warn("Could not renew the slot leases of this processor; trying again in {}",
                    properties.renewInterval(), failure);
        }
    }

    /**
     * Hands the slots of ended attempts on to the oldest waiting attempts of the same users, and gives back the
     * others. A slot handed on keeps its lease: the user holds as many slots as before, so no other processor needs
     * to know, and a backlog of short jobs runs without a database round trip per job.
     */
    private void releaseEnded() {
        List<Lease> released = new ArrayList<>();
        for (Lease lease = ended.poll(); lease != null; lease = ended.poll()) {
            Waiting next = mayHandOn(lease) ? nextOf(lease.userId()) : null;
            if (next != null) {
                start(next, lease);
            } else {
                released.add(lease);
            }
        }
        try {
            slots.release(released.stream().map(Lease::slotId).toList());
        } catch (DataAccessException failure) {
            ended.addAll(released);
            throw failure;
        }
        released.forEach(lease -> {
            heldSlots.remove(lease.slotId());
            heldByUser.computeIfPresent(lease.userId(), (user, held) -> held > 1 ? held - 1 : null);
        });
    }

    /**
     * Whether a slot can go to the next attempt without asking PostgreSQL: its lease is among those the last
     * renewal found, and that renewal is recent enough that the lease has not run out since.
     */
    private boolean mayHandOn(Lease lease) {
        return heldSlots.contains(lease.slotId())
                && System.nanoTime() - renewedAt < properties.leaseTtl().toNanos();
    }

    /** The oldest attempt of a user that still waits for a slot, taken off its queue; null when there is none. */
    private @Nullable Waiting nextOf(String userId) {
        Deque<Waiting> queue = waitingByUser.get(userId);
        while (queue != null && !queue.isEmpty()) {
            Waiting front = queue.poll();
            if (!leavesWithoutSlot(front)) {
                waiting.remove(front.key());
                if (queue.isEmpty()) {
                    waitingByUser.remove(userId);
                }
                return front;
            }
        }
        waitingByUser.remove(userId);
        return null;
    }

    private void takeArrivals() {
        for (Waiting arrival = arrivals.poll(); arrival != null; arrival = arrivals.poll()) {
            if (waiting.putIfAbsent(arrival.key(), arrival) == null) {
                waitingByUser.computeIfAbsent(arrival.userId(), user -> new ArrayDeque<>()).add(arrival);
            }
        }
    }

    /**
     * The oldest waiting attempts of each user, as many as the user has slots that this processor does not hold
     * already: no more could be granted. Only the
     * front of each user's queue is read, so a long queue costs nothing here; an attempt abandoned or cancelled
     * while it waited leaves the queue when it reaches the front.
     */
    private List<SlotRequest> requests() {
        List<SlotRequest> requests = new ArrayList<>();
        for (Iterator<Map.Entry<String, Deque<Waiting>>> users = waitingByUser.entrySet().iterator();
                users.hasNext();) {
            Map.Entry<String, Deque<Waiting>> user = users.next();
            int limit = properties.limitOf(user.getKey());
            int room = limit - heldByUser.getOrDefault(user.getKey(), 0);
            int asked = 0;
            for (Iterator<Waiting> each = user.getValue().iterator(); each.hasNext() && asked < room;) {
                Waiting next = each.next();
                if (leavesWithoutSlot(next)) {
                    each.remove();
                } else {
                    requests.add(new SlotRequest(user.getKey(), next.key(), limit));
                    asked++;
                }
            }
            if (user.getValue().isEmpty()) {
                users.remove();
            }
        }
        return requests;
    }

    private boolean leavesWithoutSlot(Waiting next) {
        if (next.run().isAbandoned()) {
            waiting.remove(next.key());
            return true;
        }
        if (next.run().cancelledBeforeStart()) {
            waiting.remove(next.key());
            hand(next.run(), next.workers());
            return true;
        }
        return false;
    }

    private void startGranted(Map<JobRunKey, UUID> granted) {
        granted.forEach((key, slotId) -> {
            Waiting next = waiting.remove(key);
            if (next == null) {
                try {
                    slots.release(List.of(slotId));
                } catch (DataAccessException failure) {
                    log.debug("Could not give back the slot of {}, which no longer waits; its lease runs out", key);
                }
                return;
            }
            leaveQueue(next);
            heldSlots.add(slotId);
            heldByUser.merge(next.userId(), 1, Integer::sum);
            start(next, new Lease(slotId, next.userId()));
        });
        if (!waiting.isEmpty()) {
            log.trace("{} jobs wait for a slot of their user", waiting.size());
        }
    }

    /** Runs an attempt on its workers, holding the slot of the lease until it ends. */
    private void start(Waiting next, Lease lease) {
        Runnable holdingSlot = () -> {
            try {
                next.run().run();
            } finally {
                ended.add(lease);
                wakeUp();
            }
        };
        if (!hand(holdingSlot, next.workers())) {
            ended.add(lease);
        }
    }

    private void leaveQueue(Waiting granted) {
        Deque<Waiting> queue = waitingByUser.get(granted.userId());
        if (queue != null) {
            queue.remove(granted);
            if (queue.isEmpty()) {
                waitingByUser.remove(granted.userId());
            }
        }
    }

    private static boolean hand(Runnable task, Executor workers) {
        try {
            workers.execute(task);
            return true;
        } catch (RejectedExecutionException stopping) {
            log.debug("A job got its slot after the workers stopped; it runs after the restart");
            return false;
        }
    }

    /** A slot held by this processor: its lease's id, and the user whose slot it is. */
    private record Lease(UUID slotId, String userId) {
    }

    /** An attempt waiting for a slot, with the workers to run it on. */
    private record Waiting(JobRun run, Executor workers) {

        JobRunKey key() {
            return JobRunKey.of(run.job());
        }

        String userId() {
            String user = run.job().userId();
            return user != null ? user : "";
        }
    }
}
