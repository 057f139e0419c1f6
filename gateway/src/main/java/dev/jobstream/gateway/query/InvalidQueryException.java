package dev.jobstream.gateway.query;

import dev.jobstream.contract.Violation;
import dev.jobstream.gateway.problem.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A listing asked for with parameters that are out of range or unknown: 422.
 */
class InvalidQueryException extends ProblemException {

    InvalidQueryException(List<Violation> violations) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid query", "The query has invalid parameters.", violations);
    }
}
