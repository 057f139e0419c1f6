package dev.jobstream.projector.intake;

import dev.jobstream.contract.Topics;
import dev.jobstream.projector.ProjectorProperties;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The topics the projector reads, and what happens when a batch cannot be written.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TopicProperties.class)
class IntakeConfiguration {

    /** The consumer group of both listeners. */
    static final String GROUP_ID = "jobstream-projector";

    private static final Logger log = LoggerFactory.getLogger(IntakeConfiguration.class);

    @Bean
    NewTopic jobsTopic(TopicProperties topics) {
        return TopicBuilder.name(Topics.JOBS).partitions(topics.partitions()).replicas(topics.replicationFactor())
                .build();
    }

    @Bean
    NewTopic statusTopic(TopicProperties topics) {
        return TopicBuilder.name(Topics.STATUS).partitions(topics.partitions()).replicas(topics.replicationFactor())
                .build();
    }

    /**
     * Retries a failed batch for ever, with a growing delay, and never skips it: an outage of the database
     * stalls the read model but loses nothing. The consumer stays in its group meanwhile; the batch's offsets
     * are committed only once it is written.
     */
    @Bean
    DefaultErrorHandler batchRetryingErrorHandler(ProjectorProperties properties) {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retry().initialBackoff().toMillis(), 2.0);
        backOff.setMaxInterval(properties.retry().maxBackoff().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Long.MAX_VALUE);

        DefaultErrorHandler errorHandler = new DefaultErrorHandler(backOff);
        errorHandler.setClassifications(Map.of(), true);
        errorHandler.setRetryListeners(new FailedBatchLogger());
        return errorHandler;
    }

    /** Logs each failed try of a batch; the batch is tried again after the backoff. */
    private static final class FailedBatchLogger implements RetryListener {

        @Override
        public void failedDelivery(ConsumerRecord<?, ?> record, @Nullable Exception failure, int attempt) {
            log.warn("Projecting {}-{}@{} failed, attempt {} of unlimited; retrying", record.topic(),
                    record.partition(), record.offset(), attempt, failure);
        }

        @Override
        public void failedDelivery(ConsumerRecords<?, ?> records, @Nullable Exception failure, int attempt) {
            log.warn("Projecting a batch of {} records from {} failed, attempt {} of unlimited; retrying",
                    records.count(), records.partitions(), attempt, failure);
        }
    }
}
