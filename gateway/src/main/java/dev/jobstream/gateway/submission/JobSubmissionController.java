package dev.jobstream.gateway.submission;

import dev.jobstream.gateway.caller.Caller;
import dev.jobstream.gateway.caller.UserOnlyException;
import dev.jobstream.gateway.idempotency.IdempotencyKey;
import dev.jobstream.gateway.query.JobView;
import dev.jobstream.gateway.ratelimit.RateLimits;
import dev.jobstream.gateway.tracing.RequestTrace;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/jobs}: submits a job. Answers 202 with the job once Kafka has it, or 429 when the caller's
 * submission limit is used up. Only a user submits jobs; the administrator acts for nobody in particular.
 */
@RestController
class JobSubmissionController {

    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final SubmissionReader reader;
    private final JobAcceptor acceptor;
    private final RateLimits limits;
    private final SubmissionOutcomes outcomes;
    private final RequestTrace trace;

    JobSubmissionController(SubmissionReader reader, JobAcceptor acceptor, RateLimits limits,
            SubmissionOutcomes outcomes, RequestTrace trace) {
        this.reader = reader;
        this.acceptor = acceptor;
        this.limits = limits;
        this.outcomes = outcomes;
        this.trace = trace;
    }

    @PostMapping(path = "/api/jobs", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JobView> submit(Caller caller,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) @Nullable String idempotencyKey,
            @RequestBody byte[] body, HttpServletRequest request, HttpServletResponse response) {
        if (caller.admin()) {
            throw new UserOnlyException();
        }
        @Nullable JobSubmission submission = null;
        try {
            IdempotencyKey key = IdempotencyKey.fromHeader(idempotencyKey);
            submission = reader.read(body);
            Acceptance acceptance = acceptor.accept(caller, submission, key, trace.traceId(),
                    () -> limits.chargeSubmission(caller, request, response));
            outcomes.accepted(acceptance);
            return accepted(acceptance);
        } catch (RuntimeException failure) {
            outcomes.rejected(submission, failure);
            throw failure;
        }
    }

    private static ResponseEntity<JobView> accepted(Acceptance acceptance) {
        ResponseEntity.BodyBuilder response = ResponseEntity.accepted()
                .location(URI.create("/api/jobs/" + acceptance.job().id()));
        if (acceptance.replayed()) {
            response.header(REPLAYED_HEADER, "true");
        }
        return response.body(acceptance.job());
    }
}
