package dev.jobstream.gateway.submission;

import dev.jobstream.gateway.problem.ProblemException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * Kafka did not acknowledge a job in time: 503, and the job is not accepted.
 */
class PublishFailedException extends ProblemException {

    PublishFailedException(UUID jobId, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "Job queue unavailable",
                "The job could not be queued and was not accepted; try again later.", List.of(),
                new IllegalStateException("job " + jobId + " was not acknowledged by Kafka", cause));
    }
}
