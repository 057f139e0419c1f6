package dev.jobstream.gateway.publishing;

import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.JobRules;
import dev.jobstream.contract.Topics;
import dev.jobstream.gateway.GatewayProperties;
import dev.jobstream.gateway.TopicProperties;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.support.ProducerListener;

/**
 * The {@code jobs} and {@code job-control} topics and the producer that publishes to them.
 *
 * <p>The producer's own timeouts are derived from {@code jobstream.gateway.publish-timeout}, so that when Kafka
 * is down the producer gives up on a record before the gateway stops waiting for it: a record answered with 503
 * is then not delivered later behind the client's back.
 */
@Configuration(proxyBeanMethods = false)
class KafkaPublishingConfiguration {

    @Bean
    NewTopic jobsTopic(TopicProperties topics) {
        return TopicBuilder.name(Topics.JOBS).partitions(topics.partitions()).replicas(topics.replicationFactor())
                .build();
    }

    @Bean
    NewTopic controlTopic(TopicProperties topics) {
        return TopicBuilder.name(Topics.CONTROL).partitions(topics.partitions())
                .replicas(topics.replicationFactor()).build();
    }

    @Bean
    JobCodec jobCodec(JobRules rules) {
        return new JobCodec(rules);
    }

    /**
     * Stays silent on failed sends: a failure is answered with 503 and logged once by the exception handler, and
     * is no error of the gateway's.
     */
    @Bean
    ProducerListener<Object, Object> silentProducerListener() {
        return new ProducerListener<>() {
        };
    }

    @Bean
    DefaultKafkaProducerFactoryCustomizer producerTimeouts(GatewayProperties properties) {
        return factory -> {
            Object linger = factory.getConfigurationProperties().getOrDefault(ProducerConfig.LINGER_MS_CONFIG, 5);
            long lingerMs = Long.parseLong(String.valueOf(linger));
            factory.updateConfigs(timeoutsWithin(properties.publishTimeout(), lingerMs));
        };
    }

    /**
     * Producer timeouts that together take at most nine tenths of the publish timeout: up to four tenths
     * waiting for metadata or buffer space, up to half for delivery including the wait for acknowledgement.
     */
    static Map<String, Object> timeoutsWithin(Duration publishTimeout, long lingerMs) {
        long budget = publishTimeout.toMillis();
        long delivery = Math.max(budget / 2, lingerMs + 1);
        return Map.of(
                ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.max(budget * 2 / 5, 1),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) delivery,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) (delivery - lingerMs));
    }
}
