package dev.jobstream.gateway.submission;

import dev.jobstream.contract.JobRules;
import dev.jobstream.gateway.idempotency.IdempotencyKeyInUseException;
import dev.jobstream.gateway.idempotency.IdempotencyKeyReusedException;
import dev.jobstream.gateway.idempotency.InvalidIdempotencyKeyException;
import dev.jobstream.gateway.publishing.PublishFailedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Counts the submissions that reached {@link JobSubmissionController}, by job type, outcome and reason, in the
 * counter {@code jobstream.submissions{type,outcome,reason}} that docs/metrics.md describes, and those refused
 * before it for their body's size or content type ({@link SubmissionRefusalFilter}). A refusal of the rate limiter
 * or of authentication is counted by {@code Rejections} instead, and not here.
 * The counters of accepted jobs, whose types are the platform's few known ones, are kept once looked up, so that
 * an accepted submission costs a map lookup rather than a meter registration.
 */
@Component
class SubmissionOutcomes {

    static final String METER = "jobstream.submissions";
    static final String UNKNOWN_TYPE = "unknown";

    private final MeterRegistry registry;
    private final Map<List<String>, Counter> acceptedCounters = new ConcurrentHashMap<>();

    SubmissionOutcomes(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts a submission answered with 202, new or replayed. */
    void accepted(Acceptance acceptance) {
        String type = acceptance.job().type();
        List<String> tags = List.of(type == null ? UNKNOWN_TYPE : type,
                acceptance.replayed() ? "replayed" : "accepted", "none");
        acceptedCounters.computeIfAbsent(tags, known -> counter(known.get(0), known.get(1), known.get(2)))
                .increment();
    }

    /**
     * Counts a submission answered with an error, when the failure is one of the reasons of the contract.
     *
     * @return whether the failure was counted
     */
    boolean rejected(@Nullable JobSubmission submission, RuntimeException failure) {
        String reason = reasonOf(failure);
        if (reason == null) {
            return false;
        }
        counter(typeOf(submission), "rejected", reason).increment();
        return true;
    }

    /**
     * Counts a submission refused before its body was read, if the status is one such refusal: 413 (too large) or
     * 415 (not JSON). Its type is unknown, since nobody read the body.
     */
    void refusedUnread(int status) {
        @Nullable String reason = switch (status) {
            case 413 -> "too-large";
            case 415 -> "unsupported-media-type";
            default -> null;
        };
        if (reason != null) {
            counter(UNKNOWN_TYPE, "rejected", reason).increment();
        }
    }

    private Counter counter(String type, String outcome, String reason) {
        return Counter.builder(METER).description("Job submissions that reached the submission handler")
                .tag("type", type).tag("outcome", outcome).tag("reason", reason).register(registry);
    }

    private static String typeOf(@Nullable JobSubmission submission) {
        JsonNode type = submission == null ? null : submission.payload().get(JobRules.TYPE);
        return type != null && type.isString() ? type.asString() : UNKNOWN_TYPE;
    }

    private static @Nullable String reasonOf(RuntimeException failure) {
        if (failure instanceof MalformedSubmissionException) {
            return "malformed";
        }
        if (failure instanceof InvalidSubmissionException || failure instanceof InvalidIdempotencyKeyException) {
            return "invalid";
        }
        if (failure instanceof IdempotencyKeyReusedException) {
            return "idempotency-mismatch";
        }
        if (failure instanceof IdempotencyKeyInUseException) {
            return "idempotency-conflict";
        }
        if (failure instanceof PublishFailedException || failure instanceof DataAccessException) {
            return "unavailable";
        }
        return null;
    }
}
