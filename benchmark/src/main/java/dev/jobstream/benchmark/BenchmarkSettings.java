package dev.jobstream.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What to measure and against what, from {@code --name=value} arguments.
 *
 * @param scenarios which scenarios run: {@code e2e}, {@code rest}, {@code mixed}
 * @param jobs how many no-op jobs the end-to-end scenario publishes
 * @param restRequests how many submissions the REST scenario sends
 * @param connections how many concurrent connections the REST scenario uses
 * @param mixedJobs how many 10 ms sleep jobs the mixed scenario publishes
 * @param users over how many users the jobs are spread
 * @param launcherJar the embedded run to launch when no external addresses are given
 * @param kafka an external Kafka's bootstrap servers
 * @param gateway an external gateway's base URL
 * @param jdbcUrl an external read model's JDBC URL
 * @param jdbcUser its user
 * @param jdbcPassword its password
 * @param platformArgs further arguments for the launched platform
 */
record BenchmarkSettings(
        Set<String> scenarios,
        int jobs,
        int restRequests,
        int connections,
        int mixedJobs,
        int users,
        int warmUp,
        Path launcherJar,
        @Nullable String kafka,
        @Nullable String gateway,
        @Nullable String jdbcUrl,
        String jdbcUser,
        String jdbcPassword,
        List<String> platformArgs) {

    static BenchmarkSettings parse(String[] args) {
        Map<String, String> named = new HashMap<>();
        List<String> platformArgs = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--platform-arg=")) {
                platformArgs.add(arg.substring("--platform-arg=".length()));
            } else if (arg.startsWith("--") && arg.contains("=")) {
                named.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("arguments take the form --name=value, not '" + arg + "'");
            }
        }
        return new BenchmarkSettings(
                Set.of(named.getOrDefault("scenarios", "e2e,rest,mixed").split(",")),
                number(named, "jobs", 100_000),
                number(named, "rest-requests", 20_000),
                number(named, "connections", 64),
                number(named, "mixed-jobs", 2_000),
                number(named, "users", 10),
                number(named, "warm-up", 5_000),
                Path.of(named.getOrDefault("launcher-jar", "launcher/target/jobstream.jar")),
                named.get("kafka"),
                named.get("gateway"),
                named.get("jdbc-url"),
                named.getOrDefault("jdbc-user", "jobstream"),
                named.getOrDefault("jdbc-password", "jobstream"),
                List.copyOf(platformArgs));
    }

    boolean runs(String scenario) {
        return scenarios.contains(scenario);
    }

    boolean external() {
        return kafka != null;
    }

    private static int number(Map<String, String> named, String name, int fallback) {
        String value = named.get(name);
        return value == null ? fallback : Integer.parseInt(value.replace("_", ""));
    }
}
