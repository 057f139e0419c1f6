package dev.jobstream.gateway.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.jobstream.gateway.ApiResponse;
import dev.jobstream.gateway.GatewayIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/metrics} in the {@code x-user-id} mode: the caller's own jobs, from the aggregates.
 */
class JobMetricsTest extends GatewayIntegrationTest {

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final Instant threeHoursAgo = now.minus(Duration.ofHours(3));
    private final Instant twoHoursAgo = now.minus(Duration.ofHours(2));
    private final Instant anHourAgo = now.minus(Duration.ofHours(1));

    @Test
    void metricsCountTheCallersJobsByStatusAndTheirOutcomesOfTheLast24Hours() {
        String user = aNewUser();
        seedTypicalDay(user);

        JsonNode metrics = metricsOf(user);

        assertThat(metrics.path("user_id").asString()).isEqualTo(user);
        assertThat(countsByStatus(metrics)).containsExactly(Map.entry("pending", 2L), Map.entry("running", 1L),
                Map.entry("retrying", 0L), Map.entry("done", 21L), Map.entry("failed", 1L), Map.entry("dead", 3L),
                Map.entry("cancelled", 0L), Map.entry("discarded", 0L));
        assertThat(metrics.path("successes").asLong()).isEqualTo(20);
        assertThat(metrics.path("failures").asLong()).isEqualTo(4);
        assertThat(metrics.path("failure_rate").asDouble()).isCloseTo(4.0 / 24, within(1e-9));
    }

    @Test
    void averageIsExactAndP95IsInterpolatedInsideItsHistogramBucket() {
        String user = aNewUser();
        seedTypicalDay(user);

        JsonNode metrics = metricsOf(user);

        // (18 x 100 ms + 2 x 3000 ms) / 20
        assertThat(metrics.path("avg_duration_ms").asLong()).isEqualTo(390);
        // rank 19 of 20 falls on the first of the two jobs in the bucket [3000, 5000): halfway through it
        assertThat(metrics.path("p95_duration_ms").asLong()).isEqualTo(4000);
    }

    @Test
    void hourlyHasAnEntryForEachOfThe24HoursOldestFirstWithZerosWhereNothingHappened() {
        String user = aNewUser();
        seedTypicalDay(user);

        JsonNode metrics = metricsOf(user);

        Instant from = Instant.parse(metrics.path("window").path("from").asString());
        Instant to = Instant.parse(metrics.path("window").path("to").asString());
        List<JsonNode> hourly = metrics.path("hourly").valueStream().toList();
        assertThat(Duration.between(from, to)).isEqualTo(Duration.ofHours(24));
        assertThat(to).isAfter(now).isBeforeOrEqualTo(now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(2)));
        assertThat(hourly).extracting(hour -> Instant.parse(hour.path("hour").asString()))
                .containsExactlyElementsOf(hoursFrom(from));
        assertThat(hourly).filteredOn(hour -> !isEmpty(hour)).extracting(JobMetricsTest::summary).containsExactly(
                hourOf(threeHoursAgo) + " submitted=27 done=0 failed=0 dead=0",
                hourOf(twoHoursAgo) + " submitted=0 done=20 failed=0 dead=0",
                hourOf(anHourAgo) + " submitted=0 done=0 failed=1 dead=3");
    }

    @Test
    void callerWithoutJobsGetsZerosAndNullsWhereNothingCanBeComputed() {
        String user = aNewUser();

        ApiResponse response = gateway().get(user, "/api/metrics");

        JsonNode metrics = response.json();
        assertThat(response.status()).isEqualTo(200);
        assertThat(countsByStatus(metrics)).hasSize(8).allSatisfy((status, jobs) -> assertThat(jobs).isZero());
        assertThat(metrics.path("successes").asLong()).isZero();
        assertThat(metrics.path("failures").asLong()).isZero();
        assertThat(metrics.get("failure_rate").isNull()).isTrue();
        assertThat(metrics.get("avg_duration_ms").isNull()).isTrue();
        assertThat(metrics.get("p95_duration_ms").isNull()).isTrue();
        assertThat(metrics.path("hourly")).hasSize(24).allSatisfy(hour -> assertThat(isEmpty(hour)).isTrue());
    }

    @Test
    void callerSeesOnlyItsOwnJobs() {
        String user = aNewUser();
        String other = aNewUser();
        new SeededJobs(jdbc, other).done(5, Duration.ofMillis(10), anHourAgo).dead(2, anHourAgo);
        new SeededJobs(jdbc, user).done(1, Duration.ofMillis(10), anHourAgo);

        JsonNode metrics = metricsOf(user);

        assertThat(countsByStatus(metrics)).containsEntry("done", 1L).containsEntry("dead", 0L);
        assertThat(metrics.path("successes").asLong()).isEqualTo(1);
        assertThat(metrics.path("failures").asLong()).isZero();
    }

    @Test
    void callerMayNameItselfButAskingForAnotherUserIsForbidden() {
        String user = aNewUser();

        ApiResponse own = gateway().get(user, "/api/metrics?user_id=" + user);
        ApiResponse other = gateway().get(user, "/api/metrics?user_id=" + aNewUser());

        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().path("user_id").asString()).isEqualTo(user);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.json().path("title").asString()).isEqualTo("Other user's metrics");
    }

    @Test
    void metricsRequestsCountTowardTheCallersRequestLimit() {
        String user = aNewUser();

        ApiResponse first = gateway().get(user, "/api/metrics");
        ApiResponse second = gateway().get(user, "/api/metrics");

        assertThat(first.header("RateLimit")).startsWith("\"requests\";r=999999;");
        assertThat(second.header("RateLimit")).startsWith("\"requests\";r=999998;");
    }

    @Test
    void requestWithoutACallerIsUnauthorized() {
        ApiResponse response = gateway().send(gateway().request("/api/metrics").GET());

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    /**
     * 27 jobs created three hours ago: 20 done two hours ago (18 in 100 ms, 2 in 3 s), 1 failed and 3 dead an hour
     * ago, 2 pending and 1 running; and one more done job that finished before the window.
     */
    private void seedTypicalDay(String user) {
        new SeededJobs(jdbc, user).submitted(27, threeHoursAgo)
                .done(18, Duration.ofMillis(100), twoHoursAgo).done(2, Duration.ofSeconds(3), twoHoursAgo)
                .failed(1, anHourAgo).dead(3, anHourAgo)
                .inStatus("pending", 2).inStatus("running", 1)
                .done(1, Duration.ofSeconds(1), now.minus(Duration.ofHours(30)));
    }

    private JsonNode metricsOf(String user) {
        ApiResponse response = gateway().get(user, "/api/metrics");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static Map<String, Long> countsByStatus(JsonNode metrics) {
        Map<String, Long> counts = new LinkedHashMap<>();
        metrics.path("counts_by_status").properties().forEach(entry -> counts.put(entry.getKey(),
                entry.getValue().asLong()));
        return counts;
    }

    private static List<Instant> hoursFrom(Instant from) {
        return IntStream.range(0, 24).mapToObj(hour -> from.plus(Duration.ofHours(hour))).toList();
    }

    private static boolean isEmpty(JsonNode hour) {
        return hour.path("submitted").asLong() + hour.path("done").asLong() + hour.path("failed").asLong()
                + hour.path("dead").asLong() == 0;
    }

    private static String summary(JsonNode hour) {
        return hour.path("hour").asString() + " submitted=" + hour.path("submitted").asLong() + " done="
                + hour.path("done").asLong() + " failed=" + hour.path("failed").asLong() + " dead="
                + hour.path("dead").asLong();
    }

    private static String hourOf(Instant instant) {
        return instant.truncatedTo(ChronoUnit.HOURS).toString();
    }
}
