package dev.jobstream.processor.lag;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.MicrometerProducerListener;

/**
 * The Kafka client metrics of the processor, in place of Boot's Kafka metrics auto-configuration, which the
 * application excludes: consumers are bound by {@link PromptConsumerMetrics}, refreshed every {@link #REFRESH}, and
 * producers as Boot binds them.
 */
@Configuration(proxyBeanMethods = false)
class ConsumerLagConfiguration {

    /** Well inside a scrape interval, so a new partition's lag is in the next scrape or the one after. */
    static final Duration REFRESH = Duration.ofSeconds(5);

    @Bean
    PromptConsumerMetrics promptConsumerMetrics(MeterRegistry registry) {
        return new PromptConsumerMetrics(registry, REFRESH);
    }

    @Bean
    @SuppressWarnings("unchecked")
    DefaultKafkaConsumerFactoryCustomizer consumerMetrics(PromptConsumerMetrics metrics) {
        return factory -> ((DefaultKafkaConsumerFactory<Object, Object>) factory).addListener(metrics);
    }

    @Bean
    DefaultKafkaProducerFactoryCustomizer producerMetrics(MeterRegistry registry) {
        return factory -> bind(factory, registry);
    }

    private static <K, V> void bind(DefaultKafkaProducerFactory<K, V> factory, MeterRegistry registry) {
        factory.addListener(new MicrometerProducerListener<>(registry));
    }
}
