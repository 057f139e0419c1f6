package dev.jobstream.processor.tracing;

import dev.jobstream.contract.JobRecord;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Opens the spans of the records the processor reads and carries their trace on in the records it publishes,
 * through Micrometer Tracing's {@link Propagator} (W3C {@code traceparent}).
 *
 * <p>A job keeps one trace through all its attempts and generations: the one its record names in
 * {@code trace_id}. The span of a record is a child of the context in the record's headers when that context is
 * of the job's trace; otherwise, as for a replay, whose headers name the trace of the replay request, it joins
 * the job's trace. A job record without a trace id is in the trace of its headers; one without either, published
 * straight to Kafka, gets a trace of its own whose id is its job id without dashes: the processor and the
 * projector, which read the record apart from each other, name the same trace. The processor writes that trace
 * into the job ({@link #traced}), so its status events carry it to the read model.
 */
@Component
public class JobTracing {

    private static final Logger log = LoggerFactory.getLogger(JobTracing.class);
    private static final String SPAN_NAME = "jobs process";

    private final Tracer tracer;
    private final Propagator propagator;

    JobTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
        this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
    }

    /** Starts the span of a record of a job, or of a record that is no job when {@code job} is null. */
    public Span start(Headers headers, @Nullable JobRecord job) {
        boolean carried = carriesTrace(headers);
        String jobTrace = job == null ? null : job.traceId() != null ? job.traceId()
                : carried ? null : ownTraceId(job.id());
        if (!carried && jobTrace != null) {
            TraceContext parent = parentIn(jobTrace);
            return named(parent == null ? tracer.spanBuilder() : tracer.spanBuilder().setParent(parent));
        }
        Span span = named(carried ? propagator.extract(headers, JobTracing::lastHeader) : tracer.spanBuilder());
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

    /** The job with the trace of its span, when it came without one. */
    public JobRecord traced(JobRecord job, Span span) {
        if (job.traceId() != null || !hasTraceId(span)) {
            return job;
        }
        return new JobRecord(job.id(), job.userId(), job.payload(), job.maxRetries(), job.createdAt(),
                job.generation(), job.attempt(), job.notBefore(), span.context().traceId(), job.timeoutSeconds(),
                job.firstFailureAt());
    }

    /** Makes a job's span current on this thread, with the job and its user in the logging MDC. */
    public JobScope open(Span span, JobRecord job) {
        return open(span, job.id(), job.userId());
    }

    /** Makes a span current on this thread, with a job and, when known, its user in the logging MDC. */
    public JobScope open(Span span, UUID jobId, @Nullable String userId) {
        return new JobScope(tracer.withSpan(span), jobId.toString(), userId);
    }

    /** Makes a span current on this thread, for a record that is no job. */
    public JobScope open(Span span) {
        return new JobScope(tracer.withSpan(span));
    }

    /**
     * Writes the current trace into a record's headers, unless it carries a trace already: a record published
     * again after a failed send keeps the trace it was first sent in.
     */
    public void inject(ProducerRecord<?, ?> record) {
        TraceContext current = tracer.currentTraceContext().context();
        if (current == null || carriesTrace(record.headers())) {
            return;
        }
        propagator.inject(current, record.headers(), (headers, name, value) -> {
            headers.remove(name);
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        });
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

    /** A parent in the given trace, standing for the job's trace; null when the id is no trace id. */
    private @Nullable TraceContext parentIn(String traceId) {
        String spanId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
        try {
            return tracer.traceContextBuilder().traceId(traceId).spanId(spanId).build();
        } catch (RuntimeException notATraceId) {
            log.debug("Trace id {} of a job record is no trace id; the record keeps the trace it came in", traceId);
            return null;
        }
    }
}
