package dev.jobstream.gateway;

import dev.jobstream.contract.Topics;
import dev.jobstream.testsupport.TestInfrastructure;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The base of the gateway's integration tests: the whole gateway on a random port, against the shared test Kafka
 * and PostgreSQL. All subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    GatewayApplication.CONFIG_NAME,
    "jobstream.gateway.rate-limits.requests-per-minute=1000000",
    "jobstream.gateway.rate-limits.submissions-per-minute=1000000"})
@Import(ReadModelTestSchema.class)
public abstract class GatewayIntegrationTest {

    @LocalServerPort
    private int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructureProperties.register(registry);
    }

    /** A client of the gateway under test. */
    protected GatewayClient gateway() {
        return new GatewayClient(port);
    }

    /** A reader of the {@code jobs} topic of the test Kafka. */
    protected TopicReader jobsTopic() {
        return new TopicReader(TestInfrastructure.shared().bootstrapServers(), Topics.JOBS);
    }

    /** A reader of the {@code job-control} topic of the test Kafka. */
    protected TopicReader controlTopic() {
        return new TopicReader(TestInfrastructure.shared().bootstrapServers(), Topics.CONTROL);
    }

    /** A user no other test uses, so tests never see each other's jobs. */
    protected static String aNewUser() {
        return "user-" + UUID.randomUUID();
    }
}
