package dev.jobstream.projector.readmodel;

import dev.jobstream.contract.JobRecord;
import dev.jobstream.contract.JobStatusEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a batch of changes to the read model in one transaction, then tells the {@link ReadModelChangeListener}s
 * which rows changed.
 *
 * <p>The transaction takes a fixed number of statements whatever the size of the batch: lock the rows there are,
 * insert the missing ones as the batch leaves them, add the status events to the history, write back the rows
 * that changed, record the timeouts the job records name, add to the aggregates, notify the dashboards of the
 * changed jobs. A job whose record and events all arrive in one batch is written once. Batches share jobs only
 * while partitions move between projectors: a row another batch inserted meanwhile is then locked and updated
 * instead, and a batch that PostgreSQL aborts to break a deadlock is applied again. Applying a
 * batch twice leaves the same rows, history and aggregates as applying it once, so a batch that is redelivered
 * after a failure, or after a crash between the commit and the offset commit, does no harm.
 */
@Component
public class ReadModelProjector {

    /**
     * The PostgreSQL notification channel that hears, once each batch has committed, which jobs it changed: their
     * ids, comma-separated, at most {@value AggregateRepository#IDS_PER_NOTIFICATION} per notification.
     */
    public static final String CHANGES_CHANNEL = "readmodel_jobs_changed";

    private static final Logger log = LoggerFactory.getLogger(ReadModelProjector.class);

    /** How often a batch is applied before giving up when other batches keep writing the same jobs. */
    private static final int ATTEMPTS_WHEN_RACING = 5;

    private final JobRowRepository rows;
    private final AggregateRepository aggregates;
    private final DurationBuckets buckets;
    private final TransactionTemplate transactions;
    private final ObjectProvider<ReadModelChangeListener> subscribers;
    private final ProjectionLag lag;
    private final Clock clock;

    ReadModelProjector(JobRowRepository rows, AggregateRepository aggregates, DurationBuckets buckets,
            PlatformTransactionManager transactionManager, ObjectProvider<ReadModelChangeListener> subscribers,
            ProjectionLag lag, Clock clock) {
        this.rows = rows;
        this.aggregates = aggregates;
        this.buckets = buckets;
        this.transactions = new TransactionTemplate(transactionManager);
        this.subscribers = subscribers;
        this.lag = lag;
        this.clock = clock;
    }

    /**
     * Applies the changes, in the order given, and returns once they are committed.
     *
     * @throws org.springframework.dao.DataAccessException when the database fails; nothing of the batch is kept
     */
    public void project(List<JobChange> changes) {
        if (changes.isEmpty()) {
            lag.idle();
            return;
        }
        List<JobRow> changed = applyRacing(changes);
        lag.committed(changes, clock.instant());
        log.debug("Projected {} changes; {} jobs changed", changes.size(), changed.size());
        if (!changed.isEmpty()) {
            notifySubscribers(changed);
        }
    }

    private List<JobRow> applyRacing(List<JobChange> changes) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(transaction -> apply(changes));
            } catch (PessimisticLockingFailureException raced) {
                if (attempt == ATTEMPTS_WHEN_RACING) {
                    throw raced;
                }
                log.debug("Applying {} changes again, another batch holding some of their jobs was in the way: {}",
                        changes.size(), raced.getMessage());
            }
        }
    }

    private List<JobRow> apply(List<JobChange> changes) {
        Instant now = clock.instant();
        Map<UUID, List<JobChange>> changesByJob = JobRowFolder.byJob(changes);

        Map<UUID, JobRow> current = rows.lock(changesByJob.keySet());
        List<JobRow> created = JobRowFolder.createdRows(current.keySet(), changesByJob, now);
        Set<UUID> inserted = rows.insert(created);
        if (inserted.size() < created.size()) {
            created.removeIf(row -> !inserted.contains(row.id()));
            current.putAll(rows.lock(changesByJob.keySet().stream()
                    .filter(id -> !current.containsKey(id) && !inserted.contains(id)).toList()));
        }
        rows.insertEvents(statusEvents(changes));

        List<JobRow> changed = JobRowFolder.changedRows(current, changesByJob, now);
        rows.update(changed, current);
        rows.recordTimeouts(submittedJobs(changes));

        aggregates.add(deltas(inserted, current, changesByJob, now));
        List<JobRow> written = new ArrayList<>(created);
        written.addAll(changed);
        aggregates.notifyChanged(written.stream().map(JobRow::id).toList());
        return written;
    }

    private AggregateDeltas deltas(Set<UUID> inserted, Map<UUID, JobRow> current,
            Map<UUID, List<JobChange>> changesByJob, Instant now) {
        AggregateDeltas deltas = new AggregateDeltas(buckets.lowerBoundsMs());
        changesByJob.forEach((id, jobChanges) -> {
            JobRow start = inserted.contains(id) ? JobRow.skeleton(id, now) : current.get(id);
            deltas.count(inserted.contains(id) ? null : start, start, jobChanges, now);
        });
        return deltas;
    }

    private static List<JobStatusEvent> statusEvents(List<JobChange> changes) {
        return changes.stream()
                .filter(StatusChanged.class::isInstance)
                .map(change -> ((StatusChanged) change).event())
                .toList();
    }

    private static List<JobRecord> submittedJobs(List<JobChange> changes) {
        return changes.stream()
                .filter(JobSubmitted.class::isInstance)
                .map(change -> ((JobSubmitted) change).job())
                .toList();
    }

    private void notifySubscribers(List<JobRow> changed) {
        List<JobRow> committed = List.copyOf(changed);
        subscribers.orderedStream().forEach(subscriber -> {
            try {
                subscriber.onJobsChanged(committed);
            } catch (RuntimeException failure) {
                log.warn("Read model subscriber {} failed on {} changed jobs; they stay committed",
                        subscriber.getClass().getName(), committed.size(), failure);
            }
        });
    }
}
