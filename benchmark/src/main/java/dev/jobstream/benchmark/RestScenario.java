package dev.jobstream.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Submits jobs over REST from a number of concurrent connections and measures accepted submissions a second and
 * the latency of each request.
 */
final class RestScenario {

    private final Target target;
    private final int users;

    RestScenario(Target target, int users) {
        this.target = target;
        this.users = users;
    }

    /** The figures of one run. */
    record Result(int requests, int accepted, Map<Integer, Integer> otherStatuses, Duration elapsed,
            Latencies latencies) {

        double acceptedPerSecond() {
            return accepted / (elapsed.toNanos() / 1e9);
        }
    }

    /**
     * Sends the submissions. The HTTP client's threads are stopped afterwards, so that the benchmark's JVM can exit
     * once its scenarios are done.
     */
    Result run(int requests, int connections) throws InterruptedException {
        ExecutorService httpThreads = Executors.newFixedThreadPool(4);
        try {
            return run(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(httpThreads).build(),
                    requests, connections);
        } finally {
            httpThreads.shutdownNow();
        }
    }

    private Result run(HttpClient http, int requests, int connections) throws InterruptedException {
        URI jobs = URI.create(target.gateway() + "/api/jobs");
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        LongAdder accepted = new LongAdder();
        Map<Integer, Integer> others = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(connections);
        long start = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    long sent = System.nanoTime();
                    int status = submit(http, jobs, "bench-rest-" + (i % users));
                    latencies[i] = (System.nanoTime() - sent) / 1_000;
                    if (status == 202) {
                        accepted.increment();
                    } else {
                        others.merge(status, 1, Integer::sum);
                    }
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(30, TimeUnit.MINUTES);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new Result(requests, accepted.intValue(), others, elapsed, Latencies.ofMicros(latencies));
    }

    private static int submit(HttpClient http, URI jobs, String user) {
        HttpRequest request = HttpRequest.newBuilder(jobs)
                .header("Content-Type", "application/json")
                .header("X-User-Id", user)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"payload\": {\"type\": \"default\"}}"))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (Exception failed) {
            return -1;
        }
    }
}
