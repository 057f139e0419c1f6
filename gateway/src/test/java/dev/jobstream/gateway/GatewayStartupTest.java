package dev.jobstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstream.contract.Topics;
import dev.jobstream.testsupport.TestInfrastructure;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;

class GatewayStartupTest extends GatewayIntegrationTest {

    @Test
    void gatewayReportsItselfHealthy() {
        ApiResponse response = gateway().send(gateway().request("/actuator/health").GET());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("status").asString()).isEqualTo("UP");
    }

    @Test
    void jobsAndControlTopicsAreCreatedWithTheConfiguredPartitions() throws Exception {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.shared().bootstrapServers());

        try (Admin admin = Admin.create(config)) {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of(Topics.JOBS, Topics.CONTROL))
                    .allTopicNames().get();

            assertThat(topics.get(Topics.JOBS).partitions()).hasSize(6);
            assertThat(topics.get(Topics.CONTROL).partitions()).hasSize(6);
        }
    }
}
