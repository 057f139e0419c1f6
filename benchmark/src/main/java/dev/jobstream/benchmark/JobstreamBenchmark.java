package dev.jobstream.benchmark;

import dev.jobstream.benchmark.BenchmarkSettings.Scenario;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Runs the benchmark scenarios and prints their figures:
 * {@code java -jar benchmark/target/jobstream-benchmark.jar [--jobs=100000] [--scenarios=e2e,rest,mixed] …}.
 *
 * <p>Without {@code --kafka}, it launches the embedded run ({@code launcher/target/jobstream.jar}) with a fresh
 * data folder and measures its start-up and memory too; with {@code --kafka=… --gateway=… --jdbc-url=…} it
 * measures a Jobstream running elsewhere.
 */
@Command(name = "jobstream-benchmark", sortOptions = false, usageHelpAutoWidth = true,
        description = "Measures a Jobstream: end-to-end, REST and mixed throughput and latency; start-up time and "
                + "memory of a run it launches.")
public final class JobstreamBenchmark implements Callable<Integer> {

    private static final Logger out = LoggerFactory.getLogger("benchmark");
    private static final String NO_OP = "{\"type\":\"default\"}";
    private static final String SHORT_SLEEP = "{\"type\":\"sleep\",\"duration_ms\":10}";

    @Mixin
    private BenchmarkSettings settings = new BenchmarkSettings();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Shows these options and exits.")
    private boolean help;

    private JobstreamBenchmark() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new JobstreamBenchmark()).setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(JobstreamBenchmark::refuse);
    }

    /** Says what is wrong with the options, and the closest option to a misspelt one, without the whole usage. */
    private static int refuse(ParameterException refusal, String[] args) {
        PrintWriter err = refusal.getCommandLine().getErr();
        err.println(refusal.getMessage());
        UnmatchedArgumentException.printSuggestions(refusal, err);
        err.println("See --help for the options.");
        return refusal.getCommandLine().getCommandSpec().exitCodeOnInvalidInput();
    }

    BenchmarkSettings settings() {
        return settings;
    }

    @Override
    public Integer call() throws Exception {
        settings.validate();
        out.info("# Jobstream benchmark, {}, {} cores, Java {}", LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        try (Target target = open(settings)) {
            run(settings, target);
            target.memory().forEach(line -> out.info("memory: {}", line));
        }
        return 0;
    }

    private static Target open(BenchmarkSettings settings) throws Exception {
        Target.External external = settings.externalTarget();
        if (external != null) {
            return external;
        }
        LaunchedTarget launched = LaunchedTarget.launch(settings.launcherJar(), settings.platformArgs());
        out.info("embedded run ready after {} (launch to API answering)", Latencies.millis(launched.readyAfter()));
        return launched;
    }

    /**
     * Runs the scenarios asked for, each after a warm-up of its own: the same work, {@code --warm-up} jobs or
     * requests of it, whose figures are not reported, so that the figures are those of compiled code rather than of
     * the JIT's first minutes.
     */
    private static void run(BenchmarkSettings settings, Target target) throws Exception {
        if (settings.runs(Scenario.E2E)) {
            DirectPublishScenario e2eScenario = new DirectPublishScenario(target, settings.users());
            warmUp(settings, "end-to-end", () -> e2eScenario.run(settings.warmUp(), NO_OP));
            DirectPublishScenario.Result e2e = e2eScenario.run(settings.jobs(), NO_OP);
            out.info("end-to-end: {} no-op jobs published to Kafka, all done in the read model in {}: {} jobs/s; "
                    + "publish to done {}", e2e.jobs(), Latencies.millis(e2e.elapsed()),
                    String.format("%.0f", e2e.perSecond()), e2e.latencies().summary());
        }
        if (settings.runs(Scenario.REST)) {
            RestScenario restScenario = new RestScenario(target, settings.users());
            warmUp(settings, "REST", () -> restScenario.run(settings.warmUp(), settings.connections()));
            RestScenario.Result rest = restScenario.run(settings.restRequests(), settings.connections());
            out.info("REST: {} submissions over {} connections, {} accepted in {}: {} accepted/s; latency {}; "
                    + "other answers {}", rest.requests(), settings.connections(), rest.accepted(),
                    Latencies.millis(rest.elapsed()), String.format("%.0f", rest.acceptedPerSecond()),
                    rest.latencies().summary(), rest.otherStatuses());
        }
        if (settings.runs(Scenario.MIXED)) {
            DirectPublishScenario mixedScenario = new DirectPublishScenario(target, settings.users());
            warmUp(settings, "mixed", () -> mixedScenario.run(settings.warmUp(), SHORT_SLEEP));
            DirectPublishScenario.Result mixed = mixedScenario.run(settings.mixedJobs(), SHORT_SLEEP);
            out.info("mixed: {} jobs of a 10 ms sleep, all done in {}: {} jobs/s; publish to done {}", mixed.jobs(),
                    Latencies.millis(mixed.elapsed()), String.format("%.0f", mixed.perSecond()),
                    mixed.latencies().summary());
        }
    }

    private static void warmUp(BenchmarkSettings settings, String scenario, WarmUp warmUp) throws Exception {
        if (settings.warmUp() > 0) {
            long start = System.nanoTime();
            warmUp.run();
            out.info("{} warm-up: {} jobs in {} ms, not counted", scenario, settings.warmUp(),
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** A scenario run whose figures are thrown away. */
    @FunctionalInterface
    private interface WarmUp {
        void run() throws Exception;
    }
}
