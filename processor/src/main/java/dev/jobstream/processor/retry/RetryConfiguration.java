package dev.jobstream.processor.retry;

import dev.jobstream.contract.JobCodec;
import dev.jobstream.processor.TopicProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The retry settings, the tiers they give, and the retry topics declared so that they exist before anything is
 * parked in them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetryProperties.class)
class RetryConfiguration {

    @Bean
    RetryTopics retryTopics(RetryProperties properties, JobCodec codec) {
        return new RetryTopics(properties, codec);
    }

    @Bean
    KafkaAdmin.NewTopics retryTierTopics(RetryTopics retryTopics, TopicProperties topics) {
        return new KafkaAdmin.NewTopics(retryTopics.names().stream()
                .map(name -> new NewTopic(name, topics.partitions(), topics.replicationFactor()))
                .toArray(NewTopic[]::new));
    }
}
