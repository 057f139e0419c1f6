package dev.jobstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

class GatewayPropertiesTest {

    @Test
    void everySettingHasADefault() {
        GatewayProperties properties = bind(Map.of());

        assertThat(properties.limits().maxSleep()).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.limits().maxComputeSize()).isEqualTo(50_000_000L);
        assertThat(properties.maxBodySize()).isEqualTo(DataSize.ofKilobytes(64));
        assertThat(properties.publishTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.idempotencyTtl()).isEqualTo(Duration.ofHours(24));
        assertThat(properties.recentTtl()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void settingsAreReadFromTheirProperties() {
        GatewayProperties properties = bind(Map.of("jobstream.gateway.limits.max-sleep", "30s",
                "jobstream.gateway.publish-timeout", "2s"));

        assertThat(properties.limits().maxSleep()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.publishTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void nonPositiveSettingIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("jobstream.gateway.publish-timeout", "0s")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("publish-timeout");
    }

    private static GatewayProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("jobstream.gateway", GatewayProperties.class);
    }
}
