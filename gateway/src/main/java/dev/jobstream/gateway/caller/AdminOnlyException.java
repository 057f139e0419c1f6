package dev.jobstream.gateway.caller;

import dev.jobstream.gateway.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A user's request for something only the administrator may do: 403.
 */
public class AdminOnlyException extends ProblemException {

    public AdminOnlyException() {
        super(HttpStatus.FORBIDDEN, "Admin key required", "Only the admin key may do this.");
    }
}
