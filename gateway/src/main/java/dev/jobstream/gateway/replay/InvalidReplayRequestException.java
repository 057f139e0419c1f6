package dev.jobstream.gateway.replay;

import dev.jobstream.contract.Violation;
import dev.jobstream.gateway.problem.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A bulk replay whose filter is not valid: 422, naming every offending field.
 */
class InvalidReplayRequestException extends ProblemException {

    InvalidReplayRequestException(List<Violation> violations) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid replay request", "The replay filter has invalid fields.",
                violations);
    }
}
