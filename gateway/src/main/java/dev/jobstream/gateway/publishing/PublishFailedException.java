package dev.jobstream.gateway.publishing;

import dev.jobstream.gateway.problem.ProblemException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * Kafka did not acknowledge a record in time: 503, and the request had no effect the client can rely on.
 */
public class PublishFailedException extends ProblemException {

    PublishFailedException(String topic, UUID jobId, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "Job queue unavailable",
                "The request could not be queued and was not carried out; try again later.", List.of(),
                new IllegalStateException("the " + topic + " record of job " + jobId
                        + " was not acknowledged by Kafka", cause));
    }
}
