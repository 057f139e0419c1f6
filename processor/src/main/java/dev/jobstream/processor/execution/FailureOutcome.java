package dev.jobstream.processor.execution;

import dev.jobstream.contract.InvalidJobRecordException;
import dev.jobstream.contract.JobRecord;
import dev.jobstream.contract.JobStatus;
import org.springframework.stereotype.Component;

/**
 * Decides the status a job moves to when an attempt throws, or when its record is not a valid job. This is the one
 * place that decision is made, and it goes by the type of the exception only, never by its message.
 *
 * <p>A cancellation ({@link JobCancelledException}) ends the job as cancelled. A record that is not a valid job
 * ({@link InvalidJobRecordException}) can never succeed and is dead at once. Every other failure, a
 * {@code JobFailedException} from a handler, a {@link JobTimeoutException}, a bug, is retried while the job has
 * retries left: {@code max_retries} counts the attempts after the first, so attempt {@code n} may be retried while
 * {@code n <= max_retries}, and the job is dead after attempt {@code max_retries + 1}.
 */
@Component
public class FailureOutcome {

    /** The status that follows a failed attempt of a job: retrying, dead or cancelled. */
    public JobStatus after(JobRecord job, Throwable failure) {
        if (failure instanceof JobCancelledException) {
            return JobStatus.CANCELLED;
        }
        return isRetryable(failure) && hasRetriesLeft(job) ? JobStatus.RETRYING : JobStatus.DEAD;
    }

    /** The status of a record that is not a valid job: dead, since no attempt of it can ever succeed. */
    public JobStatus afterInvalidRecord(InvalidJobRecordException invalid) {
        return JobStatus.DEAD;
    }

    /** Whether another attempt could succeed where this one failed. */
    public static boolean isRetryable(Throwable failure) {
        return !(failure instanceof InvalidJobRecordException || failure instanceof JobCancelledException);
    }

    private static boolean hasRetriesLeft(JobRecord job) {
        return job.attempt() <= job.maxRetries();
    }
}
