package dev.jobstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jobstream.testsupport.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/metrics} across the whole platform: what the gateway reads from the projector's aggregates
 * agrees with the read model's jobs and history, counted row by row. Other tests share the platform, so every
 * comparison is scoped to a user of this test's own.
 */
class JobMetricsFlowTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Set<String> SETTLED = Set.of("done", "dead");

    private static final String COUNTS = "select status, count(*) from readmodel.jobs where user_id = ? group by 1";

    private static final String HOURLY = """
            select hour,
                   (select count(*) from readmodel.jobs
                    where user_id = ? and created_at >= hour and created_at < hour + interval '1 hour') as submitted,
                   count(*) filter (where event.status = 'done') as done,
                   count(*) filter (where event.status = 'failed') as failed,
                   count(*) filter (where event.status = 'dead') as dead
            from generate_series(cast(? as timestamptz), cast(? as timestamptz) - interval '1 hour',
                                 interval '1 hour') as hour
            left join (readmodel.job_events event join readmodel.jobs job on job.id = event.job_id and job.user_id = ?)
                   on event.occurred_at >= hour and event.occurred_at < hour + interval '1 hour'
            group by hour order by hour""";

    private static final String AVERAGE_DURATION = """
            select round(avg(extract(epoch from finished_at - started_at) * 1000)) from readmodel.jobs
            where user_id = ? and status = 'done'""";

    private final JobsApi api = new JobsApi(SharedPlatform.get().gatewayPort());
    private final JdbcTemplate readModel = readModel();
    private final String user = "metrics-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void metricsOfAUserAgreeWithItsJobsAndTheirHistory() {
        // given
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ids.add(submit("{\"payload\": {\"type\": \"default\"}}"));
            ids.add(submit("{\"payload\": {\"type\": \"fail\", \"message\": \"no\"}, \"max_retries\": 0}"));
            ids.add(submit("{\"payload\": {\"type\": \"sleep\", \"duration_ms\": 300}}"));
        }
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ids)
                .allSatisfy(id -> assertThat(SETTLED).contains(api.job(user, id).text("status"))));

        // when / then
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode metrics = api.get(user, "/api/metrics").json();

            assertThat(counts(metrics.path("counts_by_status"))).isEqualTo(countsInTheReadModel());
            assertThat(hourly(metrics)).isEqualTo(hourlyInTheReadModel(metrics.path("window")));
            assertThat(metrics.path("successes").asLong()).isEqualTo(4);
            assertThat(metrics.path("failures").asLong()).isEqualTo(2);
            assertThat(metrics.path("failure_rate").asDouble()).isEqualTo(2.0 / 6);
            assertThat(metrics.path("hourly").valueStream().mapToLong(hour -> hour.path("submitted").asLong())
                    .sum()).isEqualTo(ids.size());
            assertThat(metrics.path("avg_duration_ms").asLong()).isBetween(averageDurationMs() - 2,
                    averageDurationMs() + 2);
            assertThat(metrics.path("p95_duration_ms").asLong()).isGreaterThanOrEqualTo(300);
        });
    }

    private String submit(String body) {
        JobsApi.Response response = api.submit(user, body);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.text("id");
    }

    private Map<String, Long> countsInTheReadModel() {
        Map<String, Long> counts = new LinkedHashMap<>();
        List.of("pending", "running", "retrying", "done", "failed", "dead", "cancelled", "discarded")
                .forEach(status -> counts.put(status, 0L));
        readModel.query(COUNTS, rows -> {
            counts.put(rows.getString(1), rows.getLong(2));
        }, user);
        return counts;
    }

    private List<String> hourlyInTheReadModel(JsonNode window) {
        OffsetDateTime from = OffsetDateTime.ofInstant(Instant.parse(window.path("from").asString()), ZoneOffset.UTC);
        OffsetDateTime to = OffsetDateTime.ofInstant(Instant.parse(window.path("to").asString()), ZoneOffset.UTC);
        return readModel.query(HOURLY, (rows, number) -> hour(
                rows.getObject("hour", OffsetDateTime.class).toInstant(), rows.getLong("submitted"),
                rows.getLong("done"), rows.getLong("failed"), rows.getLong("dead")), user, from, to, user);
    }

    private long averageDurationMs() {
        Long average = readModel.queryForObject(AVERAGE_DURATION, Long.class, user);
        return average != null ? average : -1;
    }

    private static Map<String, Long> counts(JsonNode counts) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        counts.properties().forEach(entry -> byStatus.put(entry.getKey(), entry.getValue().asLong()));
        return byStatus;
    }

    private static List<String> hourly(JsonNode metrics) {
        return metrics.path("hourly").valueStream().map(hour -> hour(Instant.parse(hour.path("hour").asString()),
                hour.path("submitted").asLong(), hour.path("done").asLong(), hour.path("failed").asLong(),
                hour.path("dead").asLong())).toList();
    }

    private static String hour(Instant hour, long submitted, long done, long failed, long dead) {
        return hour + " submitted=" + submitted + " done=" + done + " failed=" + failed + " dead=" + dead;
    }

    private static JdbcTemplate readModel() {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        return new JdbcTemplate(new DriverManagerDataSource(infrastructure.jdbcUrl(), infrastructure.username(),
                infrastructure.password()));
    }
}
