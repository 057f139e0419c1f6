package dev.jobstream.gateway.caller;

import dev.jobstream.gateway.apikey.ApiKeys;
import dev.jobstream.gateway.problem.Rejections;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Authenticates every API request before anything else looks at it, and lets controller methods take the
 * {@link Caller} as a parameter.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
class CallerConfiguration implements WebMvcConfigurer {

    /** The order of the authentication among the request interceptors: first. */
    static final int ORDER = 0;

    private final AuthProperties properties;
    private final ApiKeys keys;
    private final Rejections rejections;

    CallerConfiguration(AuthProperties properties, ApiKeys keys, Rejections rejections) {
        this.properties = properties;
        this.keys = keys;
        this.rejections = rejections;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new CallerAuthentication(properties, keys, rejections)).addPathPatterns("/api/**")
                .order(ORDER);
    }
}
