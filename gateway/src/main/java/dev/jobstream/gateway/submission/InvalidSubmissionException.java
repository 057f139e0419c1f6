package dev.jobstream.gateway.submission;

import dev.jobstream.contract.Violation;
import dev.jobstream.gateway.problem.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A body that is JSON but not a valid job: 422, naming every offending field.
 */
class InvalidSubmissionException extends ProblemException {

    InvalidSubmissionException(List<Violation> violations) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid job", "The job has invalid fields.", violations);
    }
}
