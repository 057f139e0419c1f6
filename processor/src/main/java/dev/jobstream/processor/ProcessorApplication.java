package dev.jobstream.processor;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.kafka.autoconfigure.metrics.KafkaMetricsAutoConfiguration;

/**
 * Starts the processor with its own configuration file, {@code processor.yml}, so it can share a JVM with the
 * other Jobstream services. Its Kafka clients are bound to Micrometer by {@code lag.ConsumerLagConfiguration}
 * instead of Boot's Kafka metrics auto-configuration.
 */
@SpringBootApplication(exclude = KafkaMetricsAutoConfiguration.class)
public class ProcessorApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(ProcessorApplication.class).properties("spring.config.name=processor").run(args);
    }
}
