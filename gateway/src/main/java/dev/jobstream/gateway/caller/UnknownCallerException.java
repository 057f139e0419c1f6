package dev.jobstream.gateway.caller;

import dev.jobstream.gateway.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A request that does not say, or cannot prove, which user it acts for: 401.
 */
public class UnknownCallerException extends ProblemException {

    UnknownCallerException(String detail) {
        super(HttpStatus.UNAUTHORIZED, "Unknown caller", detail);
    }
}
