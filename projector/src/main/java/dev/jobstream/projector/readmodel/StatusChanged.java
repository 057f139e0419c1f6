package dev.jobstream.projector.readmodel;

import dev.jobstream.contract.JobPosition;
import dev.jobstream.contract.JobStatus;
import dev.jobstream.contract.JobStatusEvent;
import dev.jobstream.contract.JobStatusTransitions;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A status event of the {@code job-status} topic.
 *
 * <p>An event that advances the job sets its status, generation and attempt and what the event tells of the
 * attempt; it also fills the owner, type, retry budget and trace when the job record has not been seen yet. An
 * event that does not advance the job (a duplicate, or one overtaken by a later event) changes nothing.
 *
 * @param event the decoded event
 */
public record StatusChanged(JobStatusEvent event) implements JobChange {

    @Override
    public UUID jobId() {
        return event.jobId();
    }

    @Override
    public JobPosition position() {
        return event.position();
    }

    @Override
    public JobRow applyTo(JobRow row) {
        if (!JobStatusTransitions.advances(row.position(), position())) {
            return row;
        }
        return new JobRow(row.id(), orElse(row.userId(), event.userId()), orElse(row.type(), event.type()),
                row.payload(), event.status(), event.generation(), event.attempt(),
                orElse(row.maxRetries(), event.maxRetries()), event.result(),
                orElse(event.error(), row.lastError()), orElse(event.workerId(), row.workerId()),
                orElse(row.traceId(), event.traceId()), row.createdAt(), startedAt(row), finishedAt(),
                event.nextAttemptAt(), row.updatedAt());
    }

    /** A running event starts an attempt; an event that ends one says when it started. */
    private @Nullable Instant startedAt(JobRow row) {
        if (event.status() == JobStatus.RUNNING) {
            return event.occurredAt();
        }
        return orElse(event.startedAt(), row.startedAt());
    }

    private @Nullable Instant finishedAt() {
        return event.status().isSettled() ? event.occurredAt() : null;
    }

    private static <T> @Nullable T orElse(@Nullable T preferred, @Nullable T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
