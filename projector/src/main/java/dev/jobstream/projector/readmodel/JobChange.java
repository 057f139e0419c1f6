package dev.jobstream.projector.readmodel;

import dev.jobstream.contract.JobPosition;
import java.util.UUID;

/**
 * Something read from Kafka that may change a job's row: the job record itself, or one of its status events.
 */
public sealed interface JobChange permits JobSubmitted, StatusChanged {

    /** The job the change belongs to. */
    UUID jobId();

    /** The position the change would move the job to. */
    JobPosition position();

    /**
     * The row after this change. A change that does not advance the job's position never moves it back; the
     * result is then the same row, or the row with details it lacked filled in.
     */
    JobRow applyTo(JobRow row);
}
