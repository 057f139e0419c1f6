package dev.jobstream.projector;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.metrics.KafkaMetricsAutoConfiguration;

/**
 * Starts the projector. Its configuration lives in {@code projector.yml}, so it can share a JVM with the other
 * Jobstream services. Its Kafka clients are bound to Micrometer by {@code lag.ConsumerLagConfiguration} instead of
 * Boot's Kafka metrics auto-configuration.
 */
@SpringBootApplication(exclude = KafkaMetricsAutoConfiguration.class)
@EnableConfigurationProperties(ProjectorProperties.class)
public class ProjectorApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(ProjectorApplication.class).properties("spring.config.name=projector").run(args);
    }
}
