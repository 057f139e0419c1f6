package dev.jobstream.projector;

import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.JobRules;
import dev.jobstream.contract.PayloadLimits;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock and the codec the projector reads time and records with.
 */
@Configuration(proxyBeanMethods = false)
class ProjectorConfiguration {

    private static final PayloadLimits ANY_SIZE = new PayloadLimits(Duration.ofDays(36_500), Long.MAX_VALUE);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * A codec that accepts every well-formed job, whatever its parameters: the processor alone decides which
     * jobs are within limits, and the projector must record every job the processor ran.
     */
    @Bean
    JobCodec jobCodec() {
        return new JobCodec(new JobRules(ANY_SIZE));
    }
}
