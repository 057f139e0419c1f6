package dev.jobstream.gateway.query;

import dev.jobstream.gateway.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * No job with that id, as far as the caller may know: 404. Another user's job is reported the same way, so that
 * ids cannot be probed.
 */
class JobNotFoundException extends ProblemException {

    JobNotFoundException() {
        super(HttpStatus.NOT_FOUND, "Job not found", "There is no job with this id.");
    }
}
