package dev.jobstream.projector.dashboard;

import dev.jobstream.contract.JobStatus;
import dev.jobstream.projector.aggregate.JobAggregates;
import dev.jobstream.projector.aggregate.JobScope;
import dev.jobstream.projector.aggregate.StatusCounts;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Numbers the committed changes of the read model and hands each to the pages it concerns.
 *
 * <p>Publishing a change and building a snapshot or a catch-up take the same lock, and both read the rows
 * inside it. So a snapshot taken at change {@code n} holds every job as recent as change {@code n} or more, and
 * every change numbered after it was read after it: a page that applies the snapshot and then the later changes
 * never goes back in time, and misses nothing.
 *
 * <p>A change carries each job as it is when the change is loaded. Limitation: a job that moves twice before its
 * change is loaded reaches the pages in its latest status only.
 *
 * <p>Numbers are kept per instance and per epoch. A new epoch starts whenever changes may have been missed (the
 * connection that listens for them was lost, or loading them failed); every page is then sent a fresh snapshot.
 */
@Component
class DashboardHub {

    private static final Logger log = LoggerFactory.getLogger(DashboardHub.class);

    /** A page that missed more jobs than this gets a snapshot: it is smaller. */
    private static final int MAX_RESUMED_JOBS = 5000;

    static final String VIEWERS_METER = "jobstream.dashboard.viewers";

    private final DashboardJobs jobs;
    private final JobAggregates aggregates;
    private final DashboardMetrics metrics;
    private final Clock clock;
    private final int recentJobs;
    private final Set<DashboardSession> sessions = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    private final DeltaBuffer buffer;
    private long seq;
    /** The number of the latest change when the last page left; -1 while none has been connected. */
    private long lastLeftAt = -1;
    private String epoch = UUID.randomUUID().toString();

    DashboardHub(DashboardJobs jobs, JobAggregates aggregates, DashboardMetrics metrics,
            DashboardProperties properties, Clock clock, MeterRegistry registry) {
        this.jobs = jobs;
        this.clock = clock;
        this.aggregates = aggregates;
        this.metrics = metrics;
        this.recentJobs = properties.recentJobs();
        this.buffer = new DeltaBuffer(properties.deltaBuffer(), properties.deltaBufferJobs());
        Gauge.builder(VIEWERS_METER, sessions, Set::size).description("Live dashboard sessions open on this projector")
                .register(registry);
    }

    void join(DashboardSession session) {
        sessions.add(session);
    }

    void leave(DashboardSession session) {
        synchronized (lock) {
            sessions.remove(session);
            if (sessions.isEmpty()) {
                lastLeftAt = seq;
            }
        }
    }

    /**
     * Whether changes are loaded and kept: while a page is connected, and after the last one left for as long as
     * the kept changes still reach back to its position, so that it can resume. A page that left earlier had an
     * earlier position, which the kept changes stop reaching first.
     */
    boolean loadsChanges() {
        synchronized (lock) {
            return !sessions.isEmpty() || lastLeftAt >= 0 && buffer.reaches(lastLeftAt, seq);
        }
    }

    /** The pages connected to this instance. */
    Collection<DashboardSession> sessions() {
        return List.copyOf(sessions);
    }

    /**
     * Loads the jobs that changed and sends them, as one numbered change, to every page whose owner and type
     * they are of. While no page is connected and none could resume any more, nothing is loaded: the change is
     * only numbered, and a page that comes back gets a snapshot.
     *
     * @param ids the jobs a committed transaction changed
     */
    void publish(Collection<UUID> ids) {
        synchronized (lock) {
            if (!loadsChanges()) {
                seq++;
                buffer.clear();
                return;
            }
            List<JobSummary> changed = jobs.byIds(ids);
            if (changed.isEmpty()) {
                return;
            }
            Delta delta = new Delta(++seq, changed);
            buffer.add(delta);
            Map<JobScope, StatusCounts> counts = new HashMap<>();
            for (DashboardSession session : sessions) {
                session.offer(delta, scope -> counts.computeIfAbsent(scope, aggregates::counts));
            }
            if (log.isDebugEnabled()) {
                log.debug("Change {} of {} jobs handed to {} pages, {} after the earliest was written", seq,
                        changed.size(), sessions.size(), lag(changed));
            }
        }
    }

    private Duration lag(List<JobSummary> changed) {
        Instant earliest = changed.stream().map(JobSummary::updatedAt).min(Comparator.naturalOrder()).orElseThrow();
        return Duration.between(earliest, clock.instant());
    }

    /** Starts a new epoch, since changes may have been missed; every page gets a fresh snapshot. */
    void restart() {
        synchronized (lock) {
            epoch = UUID.randomUUID().toString();
            buffer.clear();
        }
        log.debug("Dashboard starts epoch {}; {} pages get a fresh snapshot", epoch, sessions.size());
        sessions.forEach(DashboardSession::resynchronize);
    }

    /**
     * What brings a page up to date, followed by the charts: the jobs that changed since its position, when all
     * those changes are still kept, otherwise a snapshot. Discards what was queued for the page, which this
     * replaces.
     *
     * @param session the page, which has subscribed
     * @param from the last change it applied, if it has applied any
     */
    List<ServerMessage> catchUp(DashboardSession session, @Nullable Position from) {
        JobFilter filter = session.filter().orElseThrow();
        ServerMessage upToDate;
        synchronized (lock) {
            session.discardQueued();
            upToDate = resumeFrom(from, filter).orElseGet(() -> snapshot(filter));
        }
        return List.of(upToDate, metrics.of(filter.scope()));
    }

    private ServerMessage snapshot(JobFilter filter) {
        List<JobSummary> recent = jobs.recent(filter, recentJobs);
        List<JobSummary> dead = jobs.recent(filter.withStatus(JobStatus.DEAD), recentJobs);
        return new ServerMessage.Snapshot(epoch, seq, recent, dead, aggregates.counts(filter.scope()));
    }

    private Optional<ServerMessage> resumeFrom(@Nullable Position from, JobFilter filter) {
        if (from == null || !from.epoch().equals(epoch)) {
            return Optional.empty();
        }
        return buffer.after(from.seq(), seq).flatMap(missed -> {
            Map<UUID, JobSummary> latest = new LinkedHashMap<>();
            missed.forEach(delta -> delta.jobs().stream().filter(filter::inScope)
                    .forEach(job -> latest.put(job.id(), job)));
            if (latest.size() > MAX_RESUMED_JOBS) {
                return Optional.empty();
            }
            return Optional.of(new ServerMessage.Resumed(seq, List.copyOf(latest.values()),
                    aggregates.counts(filter.scope())));
        });
    }
}
