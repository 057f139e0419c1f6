package dev.jobstream.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A tiny run of the harness against the embedded run the build just packaged, so the tool keeps working.
 * It checks the harness counts and measures every job; it sets no speed target.
 */
class BenchmarkSmokeTest {

    private static final Path LAUNCHER_JAR = Path.of("..", "launcher", "target", "jobstream.jar");

    private static LaunchedTarget target;

    @BeforeAll
    static void launch() throws Exception {
        assumeTrue(Files.exists(LAUNCHER_JAR), "the launcher is packaged before this module in a full build");
        target = LaunchedTarget.launch(LAUNCHER_JAR, List.of());
    }

    @AfterAll
    static void stop() {
        if (target != null) {
            target.close();
        }
    }

    @Test
    void endToEndScenarioMeasuresEveryPublishedJob() throws Exception {
        DirectPublishScenario.Result result = new DirectPublishScenario(target, 3).run(1_000, "{\"type\":\"default\"}");

        assertThat(result.jobs()).isEqualTo(1_000);
        assertThat(result.latencies().count()).isEqualTo(1_000);
        assertThat(result.perSecond()).isPositive();
    }

    @Test
    void restScenarioCountsEverySubmission() throws Exception {
        RestScenario.Result result = new RestScenario(target, 3).run(200, 4);

        assertThat(result.accepted()).isEqualTo(200);
        assertThat(result.latencies().count()).isEqualTo(200);
        assertThat(result.otherStatuses()).isEmpty();
    }

    @Test
    void launchedRunReportsItsMemory() {
        assertThat(target.memory()).hasSize(2).allSatisfy(line -> assertThat(line).containsPattern("\\d+ MB"));
    }
}
