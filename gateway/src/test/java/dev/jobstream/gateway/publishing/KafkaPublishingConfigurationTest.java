package dev.jobstream.gateway.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KafkaPublishingConfigurationTest {

    @ParameterizedTest
    @ValueSource(longs = {200, 1_000, 5_000, 60_000})
    void producerGivesUpBeforeTheGatewayStopsWaiting(long publishTimeoutMs) {
        Map<String, Object> timeouts = KafkaPublishingConfiguration.timeoutsWithin(
                Duration.ofMillis(publishTimeoutMs), 5);

        long blocking = ((Number) timeouts.get(ProducerConfig.MAX_BLOCK_MS_CONFIG)).longValue();
        long delivery = ((Number) timeouts.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)).longValue();
        assertThat(blocking + delivery).isLessThan(publishTimeoutMs);
    }

    @Test
    void deliveryTimeoutCoversLingerAndRequest() {
        Map<String, Object> timeouts = KafkaPublishingConfiguration.timeoutsWithin(Duration.ofSeconds(5), 5);

        assertThat(timeouts).containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2_500)
                .containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_495)
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000L);
    }
}
