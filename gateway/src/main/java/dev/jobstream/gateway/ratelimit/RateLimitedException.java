package dev.jobstream.gateway.ratelimit;

import dev.jobstream.gateway.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A request over one of the caller's limits: 429. The response carries {@code Retry-After}.
 */
class RateLimitedException extends ProblemException {

    RateLimitedException(Quota quota) {
        super(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", "The " + quota.policy() + " limit of "
                + quota.limit() + " a minute is used up; try again in " + quota.resetSeconds() + " s.");
    }
}
