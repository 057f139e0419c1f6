package dev.jobstream.gateway.stats;

import dev.jobstream.gateway.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A user asking for the metrics of another user: 403. Only the administrator sees other users' metrics. Unlike a
 * job id, a user id names no secret here: the answer is the same whether that user has jobs or not.
 */
class OtherUsersMetricsException extends ProblemException {

    OtherUsersMetricsException() {
        super(HttpStatus.FORBIDDEN, "Other user's metrics",
                "A user sees only its own metrics; only the admin key may ask for another user's.");
    }
}
