package dev.jobstream.gateway.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstream.gateway.ApiResponse;
import dev.jobstream.gateway.GatewayIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReadModelUnavailableTest extends GatewayIntegrationTest {

    @BeforeEach
    void takeTheReadModelAway() {
        jdbc.execute("alter table readmodel.jobs rename to jobs_away");
    }

    @AfterEach
    void bringTheReadModelBack() {
        jdbc.execute("alter table readmodel.jobs_away rename to jobs");
    }

    @Test
    void jobCannotBeReadWhileTheReadModelIsMissing() {
        ApiResponse response = gateway().get(aNewUser(), "/api/jobs/" + UUID.randomUUID());

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void jobsCannotBeListedWhileTheReadModelIsMissing() {
        ApiResponse response = gateway().get(aNewUser(), "/api/jobs");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
