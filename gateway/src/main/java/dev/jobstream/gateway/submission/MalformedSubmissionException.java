package dev.jobstream.gateway.submission;

import dev.jobstream.gateway.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A body that is not one JSON value: 400.
 */
class MalformedSubmissionException extends ProblemException {

    MalformedSubmissionException(String reason) {
        super(HttpStatus.BAD_REQUEST, "Malformed JSON", "The request body is not valid JSON: " + reason);
    }
}
