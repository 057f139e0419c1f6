package dev.jobstream.gateway.problem;

import dev.jobstream.gateway.limits.BodyTooLargeException;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every exception a request can raise into a problem. Spring MVC's own failures (unknown route, wrong
 * method, wrong content type, unreadable body) keep the status Spring gives them; the gateway's own carry theirs;
 * a query string Tomcat cannot decode is a 400; an unavailable database answers 503; anything else is a bug,
 * logged at ERROR and answered with 500.
 */
@RestControllerAdvice
class GatewayExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayExceptionHandler.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException failure, HttpServletRequest request) {
        if (failure.status().is5xxServerError()) {
            LOG.warn("{} {} answered {}: {}", request.getMethod(), request.getRequestURI(), failure.status().value(),
                    failure.getMessage(), failure.getCause());
        }
        return respond(failure.toProblemDetail());
    }

    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> storageUnavailable(DataAccessException failure, HttpServletRequest request) {
        LOG.warn("{} {} answered 503, the database failed: {}", request.getMethod(), request.getRequestURI(),
                failure.getMessage());
        return respond(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Storage unavailable",
                "The job store cannot be reached; try again later."));
    }

    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodableParameters(InvalidParameterException failure) {
        HttpStatus status = HttpStatus.resolve(failure.getErrorCode());
        return respond(Problems.of(status != null && status.is4xxClientError() ? status : HttpStatus.BAD_REQUEST,
                "Malformed parameters", "The request parameters cannot be decoded."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure, HttpServletRequest request) {
        LOG.error("{} {} failed unexpectedly", request.getMethod(), request.getRequestURI(), failure);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The gateway failed unexpectedly; the failure was logged."));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException failure,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        BodyTooLargeException tooLarge = BodyTooLargeException.findIn(failure);
        if (tooLarge != null) {
            ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                    tooLarge.getMessage());
            return handleExceptionInternal(failure, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Malformed request body",
                "The request body is missing or cannot be read.");
        return handleExceptionInternal(failure, problem, headers, status, request);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
