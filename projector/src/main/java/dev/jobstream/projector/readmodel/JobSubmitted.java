package dev.jobstream.projector.readmodel;

import dev.jobstream.contract.JobPosition;
import dev.jobstream.contract.JobRecord;
import dev.jobstream.contract.JobStatus;
import dev.jobstream.contract.JobStatusTransitions;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A valid record of the {@code jobs} topic: a new job, a retry waiting for its attempt, or a replay.
 *
 * <p>It always fills the details the row lacks, even when the job has moved on already (its status events
 * may arrive first). It moves the status only when it advances the job, which in practice is a replay of a
 * dead job: the job is pending again in a new generation, without the previous run's worker, times and result.
 *
 * @param job the decoded record
 */
public record JobSubmitted(JobRecord job) implements JobChange {

    @Override
    public UUID jobId() {
        return job.id();
    }

    @Override
    public JobPosition position() {
        return job.position();
    }

    @Override
    public JobRow applyTo(JobRow row) {
        JobRow described = withDetails(row);
        return JobStatusTransitions.advances(row.position(), position()) ? requeued(described) : described;
    }

    private JobRow withDetails(JobRow row) {
        return new JobRow(row.id(), orElse(row.userId(), job.userId()), orElse(row.type(), job.type()),
                orElse(row.payload(), job.payload()), row.status(), row.generation(), row.attempt(),
                orElse(row.maxRetries(), job.maxRetries()), row.result(), row.lastError(), row.workerId(),
                orElse(row.traceId(), job.traceId()), orElse(row.createdAt(), job.createdAt()), row.startedAt(),
                row.finishedAt(), row.nextAttemptAt(), row.updatedAt());
    }

    private JobRow requeued(JobRow row) {
        return new JobRow(row.id(), row.userId(), row.type(), row.payload(), JobStatus.PENDING, job.generation(), 0,
                row.maxRetries(), null, row.lastError(), null, row.traceId(), row.createdAt(), null, null,
                job.notBefore(), row.updatedAt());
    }

    private static <T> @Nullable T orElse(@Nullable T known, @Nullable T fallback) {
        return known != null ? known : fallback;
    }
}
