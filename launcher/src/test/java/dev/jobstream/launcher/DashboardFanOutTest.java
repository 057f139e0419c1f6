package dev.jobstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jobstream.projector.ProjectorApplication;
import dev.jobstream.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With two projector instances, each writes the jobs of its own partitions; a viewer connected to either still
 * sees every change, since each instance hears of all committed changes from PostgreSQL.
 */
class DashboardFanOutTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final int JOBS = 30;

    @Test
    void viewersOfBothProjectorInstancesSeeEveryJobFinish() {
        // given
        JobstreamPlatform platform = SharedPlatform.get();
        String user = "fan-out-" + UUID.randomUUID().toString().substring(0, 8);
        try (ConfigurableApplicationContext secondProjector = startSecondProjector();
                DashboardSocket first = DashboardSocket.connect(platform.projectorPort(), user);
                DashboardSocket second = DashboardSocket.connect(portOf(secondProjector), user)) {
            await().atMost(PATIENCE).until(() -> first.snapshots() == 1 && second.snapshots() == 1);

            // when
            List<String> ids = new ArrayList<>();
            try (DirectJobs direct = new DirectJobs()) {
                for (int i = 0; i < JOBS; i++) {
                    ids.add(direct.publishDefaultJob(user));
                }
            }

            // then
            await().atMost(PATIENCE).untilAsserted(() -> {
                for (String id : ids) {
                    assertThat(first.statuses()).containsEntry(id, "done");
                    assertThat(second.statuses()).containsEntry(id, "done");
                }
            });
        }
    }

    /** A second projector on the shared infrastructure, in the same consumer group as the platform's. */
    private static ConfigurableApplicationContext startSecondProjector() {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        return new SpringApplicationBuilder(ProjectorApplication.class)
                .properties("spring.config.name=projector")
                .registerShutdownHook(false)
                .run("--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + infrastructure.bootstrapServers(),
                        "--spring.datasource.url=" + infrastructure.jdbcUrl(),
                        "--spring.datasource.username=" + infrastructure.username(),
                        "--spring.datasource.password=" + infrastructure.password());
    }

    private static int portOf(ConfigurableApplicationContext projector) {
        return Integer.parseInt(projector.getEnvironment().getRequiredProperty("local.server.port"));
    }
}
