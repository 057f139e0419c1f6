package dev.jobstream.benchmark;

import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the benchmark scenarios and prints their figures:
 * {@code java -jar benchmark/target/jobstream-benchmark.jar [--jobs=100000] [--scenarios=e2e,rest,mixed] …}.
 *
 * <p>Without {@code --kafka}, it launches the embedded run ({@code launcher/target/jobstream.jar}) with a fresh
 * data folder and measures its start-up and memory too; with {@code --kafka=… --gateway=… --jdbc-url=…} it
 * measures a Jobstream running elsewhere.
 */
public final class JobstreamBenchmark {

    private static final Logger out = LoggerFactory.getLogger("benchmark");

    private JobstreamBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkSettings settings = BenchmarkSettings.parse(args);
        out.info("# Jobstream benchmark, {}, {} cores, Java {}", LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        try (Target target = open(settings)) {
            run(settings, target);
            target.memory().forEach(line -> out.info("memory: {}", line));
        }
    }

    private static Target open(BenchmarkSettings settings) throws Exception {
        if (settings.external()) {
            return new Target.External(settings.kafka(), settings.gateway(), settings.jdbcUrl(), settings.jdbcUser(),
                    settings.jdbcPassword());
        }
        LaunchedTarget launched = LaunchedTarget.launch(settings.launcherJar(), settings.platformArgs());
        out.info("embedded run ready after {} (launch to API answering)", Latencies.millis(launched.readyAfter()));
        return launched;
    }

    private static void run(BenchmarkSettings settings, Target target) throws Exception {
        if (settings.runs("e2e")) {
            DirectPublishScenario.Result e2e = new DirectPublishScenario(target, settings.users())
                    .run(settings.jobs(), "{\"type\":\"default\"}");
            out.info("end-to-end: {} no-op jobs published to Kafka, all done in the read model in {}: {} jobs/s; "
                    + "publish to done {}", e2e.jobs(), Latencies.millis(e2e.elapsed()),
                    String.format("%.0f", e2e.perSecond()), e2e.latencies().summary());
        }
        if (settings.runs("rest")) {
            RestScenario.Result rest = new RestScenario(target, settings.users())
                    .run(settings.restRequests(), settings.connections());
            out.info("REST: {} submissions over {} connections, {} accepted in {}: {} accepted/s; latency {}; "
                    + "other answers {}", rest.requests(), settings.connections(), rest.accepted(),
                    Latencies.millis(rest.elapsed()), String.format("%.0f", rest.acceptedPerSecond()),
                    rest.latencies().summary(), rest.otherStatuses());
        }
        if (settings.runs("mixed")) {
            DirectPublishScenario.Result mixed = new DirectPublishScenario(target, settings.users())
                    .run(settings.mixedJobs(), "{\"type\":\"sleep\",\"duration_ms\":10}");
            out.info("mixed: {} jobs of a 10 ms sleep, all done in {}: {} jobs/s; publish to done {}", mixed.jobs(),
                    Latencies.millis(mixed.elapsed()), String.format("%.0f", mixed.perSecond()),
                    mixed.latencies().summary());
        }
    }
}
