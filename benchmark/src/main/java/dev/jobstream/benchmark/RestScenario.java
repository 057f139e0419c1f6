package dev.jobstream.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
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

    private static final byte[] BODY = "{\"payload\": {\"type\": \"default\"}}".getBytes(StandardCharsets.UTF_8);

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
     * Sends the submissions, each connection from a thread of its own with a blocking client that keeps its
     * connection open: on the same few cores as the platform, the load generator should take as little CPU as it
     * can (the JDK's asynchronous {@code HttpClient} took about a third of a core at 1,500 requests a second).
     */
    Result run(int requests, int connections) throws InterruptedException {
        // Idle keep-alive connections the JDK holds per server; its default of 5 would reconnect most requests.
        System.setProperty("http.maxConnections", String.valueOf(Math.max(connections, 5)));
        URL jobs = toUrl(target.gateway() + "/api/jobs");
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
                    int status = submit(jobs, "bench-rest-" + (i % users));
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

    private static int submit(URL jobs, String user) {
        try {
            HttpURLConnection connection = (HttpURLConnection) jobs.openConnection();
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setConnectTimeout(30_000);
            connection.setReadTimeout(30_000);
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setRequestProperty("X-User-Id", user);
            connection.setFixedLengthStreamingMode(BODY.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(BODY);
            }
            int status = connection.getResponseCode();
            // Reading the answer to its end lets the connection serve the next request.
            try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                if (in != null) {
                    in.readAllBytes();
                }
            }
            return status;
        } catch (IOException failed) {
            return -1;
        }
    }

    private static URL toUrl(String url) {
        try {
            return URI.create(url).toURL();
        } catch (MalformedURLException invalid) {
            throw new IllegalArgumentException(url, invalid);
        }
    }
}
