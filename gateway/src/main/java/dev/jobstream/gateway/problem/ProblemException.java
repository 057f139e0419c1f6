package dev.jobstream.gateway.problem;

import dev.jobstream.contract.Violation;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A failure the client is told about as a problem: a status, a short title, a detail and, for invalid input,
 * the offending fields. Each feature declares its own subclasses.
 */
public abstract class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<Violation> errors;

    protected ProblemException(HttpStatus status, String title, String detail) {
        this(status, title, detail, List.of(), null);
    }

    protected ProblemException(HttpStatus status, String title, String detail, List<Violation> errors) {
        this(status, title, detail, errors, null);
    }

    protected ProblemException(HttpStatus status, String title, String detail, List<Violation> errors,
            @Nullable Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public HttpStatus status() {
        return status;
    }

    /** The problem to send: status, title, detail and, when there are any, the offending fields. */
    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
        problem.setTitle(title);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }
}
