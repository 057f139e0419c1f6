package dev.jobstream.gateway.cors;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets the pages of the allowed origins call the API from a browser: the live dashboard, served by the projector,
 * replays, discards and cancels jobs through the gateway. Requests from any other origin get no CORS headers, so
 * browsers refuse them; programs that are not browsers are not concerned.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DashboardCorsConfiguration.CorsProperties.class)
class DashboardCorsConfiguration implements WebMvcConfigurer {

    /** How long a browser may reuse the answer to a preflight request. */
    private static final Duration PREFLIGHT_CACHE = Duration.ofMinutes(30);

    private final CorsProperties properties;

    DashboardCorsConfiguration(CorsProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/api/**")
                .allowedOrigins(properties.allowedOrigins().toArray(String[]::new))
                .allowedMethods("GET", "POST", "DELETE")
                .allowedHeaders("Content-Type", "X-User-Id", "Authorization", "Idempotency-Key", "traceparent")
                .exposedHeaders("Location", "Idempotent-Replayed", "Retry-After", "RateLimit", "RateLimit-Policy",
                        "X-Trace-Id")
                .maxAge(PREFLIGHT_CACHE.toSeconds());
    }

    /**
     * Settings under {@code jobstream.gateway.cors}.
     *
     * @param allowedOrigins the origins, {@code scheme://host[:port]}, whose pages may call the API; by default the
     *     dashboard's on this machine. An empty list allows none.
     */
    @ConfigurationProperties("jobstream.gateway.cors")
    record CorsProperties(@DefaultValue("http://localhost:3001") List<String> allowedOrigins) {

        CorsProperties {
            allowedOrigins = List.copyOf(allowedOrigins);
            if (allowedOrigins.contains("*")) {
                throw new IllegalArgumentException(
                        "jobstream.gateway.cors.allowed-origins must name origins; '*' would let any page act");
            }
        }
    }
}
