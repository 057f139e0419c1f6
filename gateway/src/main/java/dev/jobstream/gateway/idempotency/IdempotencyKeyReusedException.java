package dev.jobstream.gateway.idempotency;

import dev.jobstream.contract.Violation;
import dev.jobstream.gateway.problem.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A submission that reuses a key with a different body than the one the key was first used with: 422.
 */
public class IdempotencyKeyReusedException extends ProblemException {

    IdempotencyKeyReusedException() {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency key reused",
                "This Idempotency-Key was already used with a different request body.",
                List.of(new Violation(IdempotencyKey.HEADER, "was already used with a different request body")));
    }
}
