package dev.jobstream.projector;

import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.JobRules;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock and the codec the projector reads time and records with.
 */
@Configuration(proxyBeanMethods = false)
class ProjectorConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    JobCodec jobCodec(ProjectorProperties properties) {
        return new JobCodec(new JobRules(properties.limits().toPayloadLimits()));
    }
}
