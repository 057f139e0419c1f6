package dev.jobstream.gateway.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the errors the servlet container raises before Spring MVC sees the request (an oversized body, a URL
 * it cannot decode, a failure in a filter) with a problem too, instead of Spring Boot's default error page. Its
 * {@code instance} is the path of the request that failed, not that of this error page.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        if (status.is5xxServerError()) {
            LOG.error("{} answered {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), status.value(),
                    (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        }
        ProblemDetail problem = Problems.of(status, status.getReasonPhrase(), detailOf(request, status));
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failedUri) {
            problem.setInstance(URI.create(failedUri));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status != null && status.isError() ? status : HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static String detailOf(HttpServletRequest request, HttpStatus status) {
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        boolean useful = message instanceof String text && !text.isBlank() && status.is4xxClientError();
        return useful ? (String) message : status.getReasonPhrase();
    }
}
