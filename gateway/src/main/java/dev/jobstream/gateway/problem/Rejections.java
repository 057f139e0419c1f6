package dev.jobstream.gateway.problem;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counts the requests refused before they reach their handler, by reason, in the counter
 * {@code jobstream.gateway.rejections{reason}}.
 */
@Component
public class Rejections {

    /** Over the user's requests per minute. */
    public static final String RATE_LIMIT = "rate-limit";

    /** Over the user's job submissions per minute. */
    public static final String SUBMISSION_LIMIT = "submission-limit";

    /** No caller, or no valid key. */
    public static final String UNAUTHENTICATED = "unauthenticated";

    /** A user's request for an admin endpoint. */
    public static final String NOT_ADMIN = "not-admin";

    private static final String METER = "jobstream.gateway.rejections";

    private final MeterRegistry registry;

    Rejections(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts one rejected request. */
    public void count(String reason) {
        Counter.builder(METER).description("Requests refused before reaching their handler, by reason")
                .tag("reason", reason).register(registry).increment();
    }
}
