package dev.jobstream.processor.tracing;

import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * A job's span made current on this thread, with the job and its user in the logging MDC ({@code jobId},
 * {@code userId}); closing it restores the thread as it was.
 */
public final class JobScope implements AutoCloseable {

    /** The MDC key of the job a log line is about. */
    public static final String JOB_ID = "jobId";

    /** The MDC key of the user a log line is about. */
    public static final String USER_ID = "userId";

    private final Tracer.SpanInScope span;

    JobScope(Tracer.SpanInScope span, String jobId, @Nullable String userId) {
        this.span = span;
        MDC.put(JOB_ID, jobId);
        if (userId != null) {
            MDC.put(USER_ID, userId);
        }
    }

    JobScope(Tracer.SpanInScope span) {
        this.span = span;
    }

    @Override
    public void close() {
        MDC.remove(JOB_ID);
        MDC.remove(USER_ID);
        span.close();
    }
}
