package dev.jobstream.gateway;

import dev.jobstream.contract.JobRules;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Beans the features of the gateway share: the clock, the payload rules, the settings.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({GatewayProperties.class, TopicProperties.class})
class GatewayConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    JobRules jobRules(GatewayProperties properties) {
        return new JobRules(properties.limits().toPayloadLimits());
    }
}
