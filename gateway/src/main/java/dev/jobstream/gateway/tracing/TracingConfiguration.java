package dev.jobstream.gateway.tracing;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the job of a request in the logging MDC. The trace and span are there already: Micrometer Tracing's
 * observation of each request puts them there; {@link KafkaTraceHeaders} carries the trace on to Kafka.
 */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new JobLogContextInterceptor()).addPathPatterns("/api/jobs/**");
    }
}
