package dev.jobstream.gateway.idempotency;

import dev.jobstream.contract.Violation;
import dev.jobstream.gateway.problem.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * An {@code Idempotency-Key} header that is not a usable key: 422.
 */
public class InvalidIdempotencyKeyException extends ProblemException {

    InvalidIdempotencyKeyException() {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid idempotency key", "The request has invalid fields.",
                List.of(new Violation(IdempotencyKey.HEADER, "must be 1 to " + IdempotencyKey.MAX_LENGTH
                        + " characters without control characters")));
    }
}
