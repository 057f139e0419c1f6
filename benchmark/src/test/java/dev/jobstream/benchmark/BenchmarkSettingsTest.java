package dev.jobstream.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstream.benchmark.BenchmarkSettings.Scenario;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchmarkSettingsTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void withoutOptionsRunsEveryScenarioOnTheEmbeddedRun() {
        BenchmarkSettings settings = parse();

        assertThat(settings.runs(Scenario.E2E)).isTrue();
        assertThat(settings.runs(Scenario.REST)).isTrue();
        assertThat(settings.runs(Scenario.MIXED)).isTrue();
        assertThat(settings.jobs()).isEqualTo(100_000);
        assertThat(settings.connections()).isEqualTo(64);
        assertThat(settings.warmUp()).isEqualTo(5_000);
        assertThat(settings.launcherJar()).isEqualTo(Path.of("launcher/target/jobstream.jar"));
        assertThat(settings.externalTarget()).isNull();
    }

    @Test
    void readsScenariosInAnyCaseAndRepeatedPlatformArguments() {
        BenchmarkSettings settings = parse("--scenarios=rest,MIXED", "--jobs=500",
                "--platform-arg=-XX:TieredStopAtLevel=4", "--platform-arg=--jobstream.topics.partitions=12");

        assertThat(settings.runs(Scenario.E2E)).isFalse();
        assertThat(settings.runs(Scenario.REST)).isTrue();
        assertThat(settings.runs(Scenario.MIXED)).isTrue();
        assertThat(settings.jobs()).isEqualTo(500);
        assertThat(settings.platformArgs())
                .containsExactly("-XX:TieredStopAtLevel=4", "--jobstream.topics.partitions=12");
    }

    @Test
    void namesAnExternalTargetWhenAllThreeAddressesAreGiven() {
        BenchmarkSettings settings = parse("--kafka=broker:9092", "--gateway=http://gw:3000",
                "--jdbc-url=jdbc:postgresql://db/jobstream", "--jdbc-user=reader");

        assertThat(settings.externalTarget()).isEqualTo(new Target.External("broker:9092", "http://gw:3000",
                "jdbc:postgresql://db/jobstream", "reader", "jobstream"));
    }

    @Test
    void helpListsTheOptionsAndExitsWithoutRunning() {
        int exit = execute("--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("--jobs=N", "--scenarios", "--kafka=SERVERS", "--platform-arg=ARG");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void misspeltOptionIsRefusedRatherThanIgnored() {
        int exit = execute("--job=5000");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--job=5000'", "Possible solutions: --jobs", "See --help")
                .doesNotContain("Exception", "Usage:");
    }

    @Test
    void valueThatIsNotANumberIsRefused() {
        int exit = execute("--jobs=lots");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--jobs", "'lots'");
    }

    @Test
    void unknownScenarioIsRefused() {
        int exit = execute("--scenarios=e2e,soak");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("soak");
    }

    @Test
    void countBelowItsMinimumIsRefusedBeforeAnythingIsLaunched() {
        int exit = execute("--connections=0");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--connections must be at least 1, not 0", "See --help")
                .doesNotContain("Usage:");
    }

    @Test
    void externalTargetNamedInPartIsRefused() {
        int exit = execute("--kafka=broker:9092", "--gateway=http://gw:3000");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("needs all of --kafka, --gateway and --jdbc-url");
    }

    @Test
    void missingEmbeddedRunIsNamedWithHowToBuildIt() {
        int exit = execute("--launcher-jar=does/not/exist.jar");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("does/not/exist.jar does not exist: build it with ./mvnw -DskipTests");
    }

    private BenchmarkSettings parse(String... args) {
        CommandLine cli = JobstreamBenchmark.commandLine();
        cli.parseArgs(args);
        return ((JobstreamBenchmark) cli.getCommand()).settings();
    }

    private int execute(String... args) {
        CommandLine cli = JobstreamBenchmark.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
