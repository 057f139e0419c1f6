package dev.jobstream.projector.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The span of one record, current on this thread, with the record's job and user in the logging MDC
 * ({@code jobId}, {@code userId}); closing it ends the span and restores the thread as it was.
 */
public final class RecordScope implements AutoCloseable {

    /** The MDC key of the job a log line is about. */
    public static final String JOB_ID = "jobId";

    /** The MDC key of the user a log line is about. */
    public static final String USER_ID = "userId";

    private final Span span;
    private final Tracer.SpanInScope scope;

    RecordScope(Span span, Tracer.SpanInScope scope, @Nullable String jobId, @Nullable String userId) {
        this.span = span;
        this.scope = scope;
        if (jobId != null) {
            MDC.put(JOB_ID, jobId);
        }
        if (userId != null) {
            MDC.put(USER_ID, userId);
        }
    }

    @Override
    public void close() {
        MDC.remove(JOB_ID);
        MDC.remove(USER_ID);
        scope.close();
        span.end();
    }
}
