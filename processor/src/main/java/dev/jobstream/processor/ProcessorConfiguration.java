package dev.jobstream.processor;

import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.JobRules;
import dev.jobstream.contract.PayloadLimits;
import dev.jobstream.contract.Topics;
import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The processor's shared beans: the clock, the job codec, this instance's worker id and the topics it uses (the
 * retry topics are declared with the retry settings).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({ProcessorProperties.class, TopicProperties.class})
class ProcessorConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    JobRules jobRules() {
        return new JobRules(PayloadLimits.DEFAULTS);
    }

    @Bean
    JobCodec jobCodec(JobRules rules) {
        return new JobCodec(rules);
    }

    @Bean
    WorkerId workerId() {
        return WorkerId.generate();
    }

    @Bean
    NewTopic jobsTopic(TopicProperties topics) {
        return new NewTopic(Topics.JOBS, topics.partitions(), topics.replicationFactor());
    }

    @Bean
    NewTopic statusTopic(TopicProperties topics) {
        return new NewTopic(Topics.STATUS, topics.partitions(), topics.replicationFactor());
    }

    @Bean
    NewTopic deadLetterTopic(TopicProperties topics) {
        return new NewTopic(Topics.DEAD_LETTER, topics.partitions(), topics.replicationFactor());
    }

    @Bean
    NewTopic controlTopic(TopicProperties topics) {
        return new NewTopic(Topics.CONTROL, topics.partitions(), topics.replicationFactor());
    }
}
