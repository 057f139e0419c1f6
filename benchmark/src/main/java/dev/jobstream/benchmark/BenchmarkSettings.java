package dev.jobstream.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What to measure and against what: the harness's command-line options.
 */
final class BenchmarkSettings {

    /** A part of the benchmark that can be run on its own. */
    enum Scenario {
        E2E, REST, MIXED
    }

    @Spec(Spec.Target.MIXEE)
    private @Nullable CommandSpec spec;

    @Option(names = "--scenarios", split = ",", paramLabel = "e2e|rest|mixed", defaultValue = "e2e,rest,mixed",
            description = "Which scenarios run (default: ${DEFAULT-VALUE}).")
    private Set<Scenario> scenarios = EnumSet.allOf(Scenario.class);

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "100000",
            description = "No-op jobs the end-to-end scenario publishes to Kafka (default: ${DEFAULT-VALUE}).")
    private int jobs;

    @Option(names = "--rest-requests", paramLabel = "N", defaultValue = "20000",
            description = "Submissions the REST scenario sends (default: ${DEFAULT-VALUE}).")
    private int restRequests;

    @Option(names = "--connections", paramLabel = "C", defaultValue = "64",
            description = "Concurrent connections of the REST scenario (default: ${DEFAULT-VALUE}).")
    private int connections;

    @Option(names = "--mixed-jobs", paramLabel = "N", defaultValue = "2000",
            description = "10 ms sleep jobs the mixed scenario publishes (default: ${DEFAULT-VALUE}).")
    private int mixedJobs;

    @Option(names = "--users", paramLabel = "N", defaultValue = "10",
            description = "Users the jobs are spread over, each limited to 5 running jobs (default: ${DEFAULT-VALUE}).")
    private int users;

    @Option(names = "--warm-up", paramLabel = "N", defaultValue = "5000",
            description = "Uncounted jobs or requests each scenario runs first (default: ${DEFAULT-VALUE}).")
    private int warmUp;

    @Option(names = "--launcher-jar", paramLabel = "PATH", defaultValue = "launcher/target/jobstream.jar",
            description = "The embedded run to launch when no --kafka is given (default: ${DEFAULT-VALUE}).")
    private Path launcherJar = Path.of("launcher/target/jobstream.jar");

    @Option(names = "--platform-arg", paramLabel = "ARG",
            description = "An argument for the launched run: -X… options go to its JVM, --name=value ones to the "
                    + "launcher. Repeatable.")
    private List<String> platformArgs = new ArrayList<>();

    @Option(names = "--kafka", paramLabel = "SERVERS",
            description = "Bootstrap servers of a Jobstream running elsewhere; needs --gateway and --jdbc-url.")
    private @Nullable String kafka;

    @Option(names = "--gateway", paramLabel = "URL", description = "That Jobstream's gateway, e.g. http://host:3000.")
    private @Nullable String gateway;

    @Option(names = "--jdbc-url", paramLabel = "URL", description = "That Jobstream's read model.")
    private @Nullable String jdbcUrl;

    @Option(names = "--jdbc-user", paramLabel = "USER", defaultValue = "jobstream",
            description = "Its user (default: ${DEFAULT-VALUE}).")
    private String jdbcUser = "jobstream";

    @Option(names = "--jdbc-password", paramLabel = "PASSWORD", defaultValue = "jobstream",
            description = "Its password (default: ${DEFAULT-VALUE}).")
    private String jdbcPassword = "jobstream";

    /**
     * Refuses settings that parse but make no run: counts below their minimum, an external target named in part,
     * no embedded run to launch.
     *
     * @throws ParameterException naming the option at fault
     */
    void validate() {
        atLeast("--jobs", jobs, 1);
        atLeast("--rest-requests", restRequests, 1);
        atLeast("--connections", connections, 1);
        atLeast("--mixed-jobs", mixedJobs, 1);
        atLeast("--users", users, 1);
        atLeast("--warm-up", warmUp, 0);
        if (scenarios.isEmpty()) {
            throw invalid("--scenarios names no scenario");
        }
        boolean anyExternal = kafka != null || gateway != null || jdbcUrl != null;
        if (anyExternal && (kafka == null || gateway == null || jdbcUrl == null)) {
            throw invalid("a Jobstream running elsewhere needs all of --kafka, --gateway and --jdbc-url");
        }
        if (!anyExternal && !Files.isRegularFile(launcherJar)) {
            throw invalid("--launcher-jar " + launcherJar + " does not exist: build it with ./mvnw -DskipTests "
                    + "package, from the project's folder");
        }
    }

    private void atLeast(String option, int value, int minimum) {
        if (value < minimum) {
            throw invalid(option + " must be at least " + minimum + ", not " + value);
        }
    }

    private ParameterException invalid(String message) {
        if (spec == null) {
            throw new IllegalStateException("settings are validated after picocli has parsed them");
        }
        return new ParameterException(spec.commandLine(), message);
    }

    boolean runs(Scenario scenario) {
        return scenarios.contains(scenario);
    }

    /** The Jobstream running elsewhere that the options name, or {@code null} to launch the embedded run. */
    Target.@Nullable External externalTarget() {
        if (kafka == null || gateway == null || jdbcUrl == null) {
            return null;
        }
        return new Target.External(kafka, gateway, jdbcUrl, jdbcUser, jdbcPassword);
    }

    int jobs() {
        return jobs;
    }

    int restRequests() {
        return restRequests;
    }

    int connections() {
        return connections;
    }

    int mixedJobs() {
        return mixedJobs;
    }

    int users() {
        return users;
    }

    int warmUp() {
        return warmUp;
    }

    Path launcherJar() {
        return launcherJar;
    }

    List<String> platformArgs() {
        return List.copyOf(platformArgs);
    }
}
