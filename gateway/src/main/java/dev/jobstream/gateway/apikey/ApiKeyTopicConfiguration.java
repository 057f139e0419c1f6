package dev.jobstream.gateway.apikey;

import dev.jobstream.contract.Topics;
import dev.jobstream.gateway.TopicProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The {@code api-keys} topic, compacted: it keeps the latest grant of every key for as long as the key exists.
 */
@Configuration(proxyBeanMethods = false)
class ApiKeyTopicConfiguration {

    @Bean
    NewTopic apiKeysTopic(TopicProperties topics) {
        return TopicBuilder.name(Topics.API_KEYS).partitions(topics.partitions())
                .replicas(topics.replicationFactor()).compact().build();
    }
}
