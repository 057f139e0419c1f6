package dev.jobstream.processor.execution;

import dev.jobstream.contract.JobRecord;
import dev.jobstream.contract.JobStatus;
import org.springframework.stereotype.Component;

/**
 * Decides the status a job moves to when an attempt throws. This is the one place that decision is made.
 *
 * <p>Limitation: retries are not implemented yet, so every failed attempt ends its job as failed, whatever
 * retry budget the job asked for.
 */
@Component
public class FailureOutcome {

    /** The status that follows a failed attempt of a job. */
    public JobStatus after(JobRecord job, Exception failure) {
        return JobStatus.FAILED;
    }
}
