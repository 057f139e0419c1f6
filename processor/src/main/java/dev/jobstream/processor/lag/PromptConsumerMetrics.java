package dev.jobstream.processor.lag;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.clients.consumer.Consumer;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Binds each consumer the consumer factory makes to Micrometer, as Boot's own listener does, but looks for new
 * Kafka metrics every {@code refresh} instead of Micrometer's default of a minute.
 *
 * <p>Kafka creates the lag metric of a partition ({@code kafka_consumer_fetch_manager_records_lag}) only once the
 * partition is assigned and fetched, which is after the consumer was bound, and Micrometer binds a metric that
 * appears later only at its next refresh. With a minute, a processor showed no lag for up to a minute after it
 * started or its partitions moved: the embedded run, scraped right after its start, seemed to have none. The
 * projector binds its consumers the same way.
 */
final class PromptConsumerMetrics extends MicrometerConsumerListener<Object, Object> implements AutoCloseable {

    private final Duration refresh;
    private final ScheduledExecutorService refresher;

    PromptConsumerMetrics(MeterRegistry registry, Duration refresh) {
        super(registry);
        this.refresh = refresh;
        CustomizableThreadFactory threads = new CustomizableThreadFactory("consumer-metrics-");
        threads.setDaemon(true);
        this.refresher = Executors.newSingleThreadScheduledExecutor(threads);
    }

    @Override
    protected MeterBinder createClientMetrics(Consumer<Object, Object> consumer, List<Tag> tags) {
        return new KafkaClientMetrics(consumer, tags, refresher, refresh);
    }

    /** Stops the refreshes of all the consumers bound, which Micrometer leaves to the owner of the scheduler. */
    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
