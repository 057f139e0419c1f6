package dev.jobstream.gateway.idempotency;

import dev.jobstream.gateway.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A submission whose key belongs to another submission that is still being accepted: 409. The client may
 * retry once the first one has been answered.
 */
public class IdempotencyKeyInUseException extends ProblemException {

    IdempotencyKeyInUseException() {
        super(HttpStatus.CONFLICT, "Idempotency key in use",
                "A request with this Idempotency-Key is still being processed; retry shortly.");
    }
}
