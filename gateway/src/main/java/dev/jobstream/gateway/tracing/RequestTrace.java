package dev.jobstream.gateway.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The trace of the request being handled, which Micrometer Tracing opened for it: the trace of its
 * {@code traceparent} header, or a new one. A job submitted by the request belongs to that trace.
 */
@Component
public class RequestTrace {

    private final Tracer tracer;

    RequestTrace(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
    }

    /** The id of the current trace, or {@code null} when tracing is switched off. */
    public @Nullable String traceId() {
        Span span = tracer.currentSpan();
        String traceId = span != null ? span.context().traceId() : null;
        return traceId == null || traceId.isEmpty() ? null : traceId;
    }
}
