package dev.jobstream.gateway.caller;

import dev.jobstream.gateway.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * The administrator asking for something only a user may do, such as submitting a job, which needs an owner: 403.
 */
public class UserOnlyException extends ProblemException {

    public UserOnlyException() {
        super(HttpStatus.FORBIDDEN, "User key required",
                "The admin key acts for no user; submit jobs with the key of the user who owns them.");
    }
}
