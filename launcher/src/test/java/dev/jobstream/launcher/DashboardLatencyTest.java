package dev.jobstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * How long a change takes to reach a page while about 200 jobs a second flow for 10 seconds, after a longer run
 * of the same load to warm the platform up, since a steady flow is what the figure is about. The page notes when
 * each message arrives; the test compares that with when the job finished (its done event) and when the projector
 * wrote the row. A viewer without a browser, on the same WebSocket, tells the server's share from the browser's.
 * The figures are logged, not asserted: a shared 2-core build machine makes timings noisy. What is asserted is that
 * every job's completion reached the page.
 */
class DashboardLatencyTest {

    private static final Logger log = LoggerFactory.getLogger(DashboardLatencyTest.class);

    private static final int JOBS_PER_SECOND = 200;
    private static final Duration LOAD = Duration.ofSeconds(10);
    /** Long enough for the JIT compiler to be done with the hot paths; it takes a core of its own until then. */
    private static final Duration WARM_UP = Duration.ofSeconds(10);

    @Test
    void everyCompletionReachesThePageWhileTwoHundredJobsASecondFlow() {
        // given
        JobstreamPlatform platform = SharedPlatform.get();
        String user = "latency-" + UUID.randomUUID().toString().substring(0, 8);
        try (DashboardPage page = DashboardPage.open(platform, user);
                DashboardSocket viewer = DashboardSocket.connect(platform.projectorPort(), user)) {
            List<String> warmUp = publishSteadily(user, WARM_UP);
            await().atMost(Duration.ofMinutes(3)).until(() -> viewer.firstDone().keySet().containsAll(warmUp));
            page.recordArrivals();

            // when
            Instant start = Instant.now();
            List<String> ids = publishSteadily(user, LOAD);
            Duration submitting = Duration.between(start, Instant.now());

            // then
            assertThat(ids).hasSize(JOBS_PER_SECOND * (int) LOAD.toSeconds());
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> page.recordedJobsIn("done") >= ids.size());
            List<JsonNode> arrivals = page.arrivals();
            assertThat(doneOnPage(arrivals)).containsAll(ids);
            await().atMost(Duration.ofMinutes(1)).until(() -> viewer.firstDone().keySet().containsAll(ids));
            report(ids.size(), submitting, arrivals, measured(viewer.firstDone(), ids));
        }
    }

    /**
     * Publishes jobs straight to Kafka at a steady rate. The REST API would refuse so many jobs of one user (its
     * per-user rate limits); the jobs flow through the processor and the projector all the same.
     */
    private static List<String> publishSteadily(String user, Duration load) {
        long jobs = JOBS_PER_SECOND * load.toSeconds();
        List<String> ids = new CopyOnWriteArrayList<>();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        try (DirectJobs direct = new DirectJobs()) {
            ScheduledFuture<?> publishing = pacer.scheduleAtFixedRate(() -> {
                if (ids.size() < jobs) {
                    ids.add(direct.publishDefaultJob(user));
                }
            }, 0, 1_000_000 / JOBS_PER_SECOND, TimeUnit.MICROSECONDS);
            await().atMost(load.plusSeconds(30)).until(() -> ids.size() >= jobs);
            publishing.cancel(false);
        } finally {
            pacer.shutdown();
        }
        return List.copyOf(ids);
    }

    private static List<JsonNode> measured(Map<String, JsonNode> firstDone, List<String> ids) {
        return ids.stream().map(firstDone::get).toList();
    }

    private static Set<String> doneOnPage(List<JsonNode> arrivals) {
        Set<String> done = new HashSet<>();
        arrivals.stream().filter(arrival -> arrival.path("status").asString().equals("done"))
                .forEach(arrival -> done.add(arrival.path("id").asString()));
        return done;
    }

    private static void report(int jobs, Duration submitting, List<JsonNode> pageArrivals,
            Collection<JsonNode> viewerArrivals) {
        Set<String> seen = new HashSet<>();
        List<JsonNode> firstDoneOnPage = pageArrivals.stream()
                .filter(arrival -> !arrival.path("kind").asString().equals("snapshot"))
                .filter(arrival -> arrival.path("status").asString().equals("done"))
                .filter(arrival -> seen.add(arrival.path("id").asString()))
                .toList();
        log.info("Dashboard latency: {} jobs published in {} ms ({} jobs/s); {} completions pushed to the page",
                jobs, submitting.toMillis(), jobs * 1000 / Math.max(1, submitting.toMillis()), firstDoneOnPage.size());
        logPercentiles("done event to page", firstDoneOnPage, "finished_at");
        logPercentiles("row written to page", firstDoneOnPage, "updated_at");
        logPercentiles("done event to WebSocket viewer", viewerArrivals, "finished_at");
        logPercentiles("row written to WebSocket viewer", viewerArrivals, "updated_at");
    }

    /** Logs the percentiles of the time from a job's field to the message's arrival. */
    private static void logPercentiles(String what, Collection<JsonNode> arrivals, String from) {
        List<Long> millis = arrivals.stream().map(arrival -> arrival.path("arrived_at").asLong()
                - Instant.parse(arrival.path(from).asString()).toEpochMilli()).toList();
        log.info("Dashboard latency, {}: p50 {} ms, p95 {} ms, p99 {} ms, max {} ms over {} jobs", what,
                percentile(millis, 0.50), percentile(millis, 0.95), percentile(millis, 0.99), percentile(millis, 1.0),
                millis.size());
    }

    private static long percentile(List<Long> values, double share) {
        List<Long> sorted = values.stream().sorted().toList();
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(share * sorted.size()) - 1));
    }
}
