package dev.jobstream.gateway.tracing;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the trace of the request that publishes a record into the record's headers (W3C {@code traceparent}),
 * through Micrometer Tracing's {@link Propagator}, so that the processor and the projector continue it. It runs
 * as the template's producer interceptor, on the request's thread, as the record is sent.
 *
 * <p>The template's own observation ({@code spring.kafka.template.observation-enabled}) would do the same, but it
 * names the Kafka cluster of every send and asks the broker for its id until it knows it: while Kafka is down each
 * submission would then wait for the admin client's timeout instead of being refused within the publish timeout.
 */
@Component
class KafkaTraceHeaders implements ProducerInterceptor<Object, Object> {

    private final Tracer tracer;
    private final Propagator propagator;

    KafkaTraceHeaders(KafkaTemplate<Object, Object> template, ObjectProvider<Tracer> tracer,
            ObjectProvider<Propagator> propagator) {
        this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
        this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
        template.setProducerInterceptor(this);
    }

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        TraceContext current = tracer.currentTraceContext().context();
        if (current != null) {
            propagator.inject(current, record.headers(), (headers, name, value) -> {
                headers.remove(name);
                headers.add(name, value.getBytes(StandardCharsets.UTF_8));
            });
        }
        return record;
    }

    @Override
    public void onAcknowledgement(@Nullable RecordMetadata metadata, @Nullable Exception exception) {
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
