package dev.jobstream.projector.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Opens a span for each record the projector reads, through Micrometer Tracing's {@link Propagator} (W3C
 * {@code traceparent}), in the trace of the record's job.
 *
 * <p>The job's trace is the one its record or event names in {@code trace_id}; the span is a child of the context
 * in the record's headers when that is of the job's trace, and otherwise joins the job's trace. A record without
 * a trace id and without trace headers, published straight to Kafka, is in the trace whose id is its job id
 * without dashes: the trace the processor gives such a job, and which its status events carry to the read model.
 */
@Component
public class RecordTracing {

    private static final String SPAN_NAME = "jobs project";

    private final Tracer tracer;
    private final Propagator propagator;

    RecordTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
        this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
    }

    /**
     * Opens the span of a record of a job.
     *
     * @param headers the record's headers
     * @param jobId the job, when the record names one
     * @param userId the job's user, when the record names one
     * @param traceId the trace the record names in its body, when it names one
     */
    public RecordScope open(Headers headers, @Nullable UUID jobId, @Nullable String userId,
            @Nullable String traceId) {
        Span span = start(headers, jobId, traceId);
        return new RecordScope(span, tracer.withSpan(span), jobId != null ? jobId.toString() : null, userId);
    }

    private Span start(Headers headers, @Nullable UUID jobId, @Nullable String traceId) {
        boolean carried = carriesTrace(headers);
        Span span = named(carried ? propagator.extract(headers, RecordTracing::lastHeader) : tracer.spanBuilder());
        String jobTrace = traceId != null ? traceId : carried || jobId == null ? null : ownTraceId(jobId);
        if (jobTrace == null || !hasTraceId(span) || span.context().traceId().equals(jobTrace)) {
            return span;
        }
        TraceContext parent = parentIn(jobTrace);
        if (parent == null) {
            return span;
        }
        span.abandon();
        return named(tracer.spanBuilder().setParent(parent));
    }

    /** Whether the span is of a trace: tracing may be switched off. */
    private static boolean hasTraceId(Span span) {
        String traceId = span.context().traceId();
        return traceId != null && !traceId.isEmpty();
    }

    private static Span named(Span.Builder span) {
        return span.name(SPAN_NAME).kind(Span.Kind.CONSUMER).start();
    }

    private boolean carriesTrace(Headers headers) {
        return propagator.fields().stream().anyMatch(field -> headers.lastHeader(field) != null);
    }

    private static @Nullable String lastHeader(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String ownTraceId(UUID jobId) {
        return jobId.toString().replace("-", "");
    }

    /** A parent in the given trace, or null when the id is no trace id. */
    private @Nullable TraceContext parentIn(String traceId) {
        String spanId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
        try {
            return tracer.traceContextBuilder().traceId(traceId).spanId(spanId).build();
        } catch (RuntimeException notATraceId) {
            return null;
        }
    }
}
