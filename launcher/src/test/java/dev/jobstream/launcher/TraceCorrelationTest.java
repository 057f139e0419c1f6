package dev.jobstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One trace follows a job through the gateway, the processor and the projector, into the read model and into
 * every log line about the job.
 */
class TraceCorrelationTest {

    private static final String GATEWAY = "dev.jobstream.gateway";
    private static final String PROCESSOR = "dev.jobstream.processor";
    private static final String PROJECTOR = "dev.jobstream.projector";

    private static JobsApi api;
    private static ServiceLogs logs;

    @BeforeAll
    static void captureLogs() {
        api = new JobsApi(SharedPlatform.get().gatewayPort());
        logs = ServiceLogs.capture();
    }

    @AfterAll
    static void stopCapturing() {
        logs.close();
    }

    @Test
    void jobSubmittedInATraceIsLoggedInThatTraceByEveryService() {
        // given
        String traceId = randomHex(16);
        String user = "traced-" + UUID.randomUUID();

        // when
        JobsApi.Response accepted = api.submit(user, "{\"payload\": {\"type\": \"default\"}}",
                "traceparent", "00-" + traceId + "-" + randomHex(8) + "-01");
        String id = accepted.text("id");

        // then
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        awaitDone(user, id);
        assertThat(api.job(user, id).text("trace_id")).isEqualTo(traceId);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(logs.aboutJob(GATEWAY, id)).extracting(ServiceLogs.Line::traceId).contains(traceId);
            assertThat(logs.aboutJob(PROCESSOR, id)).isNotEmpty()
                    .extracting(ServiceLogs.Line::traceId).containsOnly(traceId);
            assertThat(logs.aboutJob(PROJECTOR, id)).isNotEmpty()
                    .extracting(ServiceLogs.Line::traceId).containsOnly(traceId);
        });
        assertThat(logs.aboutJob(PROCESSOR, id)).allSatisfy(line -> assertThat(line.mdc())
                .containsEntry("userId", user).containsKey("spanId"));
    }

    @Test
    void retriesAndReplaysOfAJobStayInItsTrace() {
        // given
        String traceId = randomHex(16);
        String user = "replayed-" + UUID.randomUUID();
        String id = api.submit(user, "{\"payload\": {\"type\": \"fail\"}, \"max_retries\": 1}",
                "traceparent", "00-" + traceId + "-" + randomHex(8) + "-01").text("id");
        awaitStatus(user, id, "dead");

        // when
        JobsApi.Response replay = api.post(user, "/api/jobs/" + id + "/retry", "");

        // then
        assertThat(replay.status()).as(replay.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JobsApi.Response job = api.job(user, id);
            assertThat(job.json().path("generation").asInt()).isEqualTo(1);
            assertThat(job.text("status")).isEqualTo("dead");
        });
        assertThat(api.job(user, id).text("trace_id")).isEqualTo(traceId);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(logs.aboutJob(PROCESSOR, id)).hasSizeGreaterThanOrEqualTo(4)
                    .extracting(ServiceLogs.Line::traceId).containsOnly(traceId);
            assertThat(logs.aboutJob(PROJECTOR, id)).extracting(ServiceLogs.Line::traceId).containsOnly(traceId);
        });
    }

    @Test
    void jobsPublishedWithoutTraceHeadersGetATraceEachThatTheReadModelAndTheLogsShow() {
        // given
        String user = "untraced-" + UUID.randomUUID();
        String first;
        String second;

        // when
        try (DirectJobs direct = new DirectJobs()) {
            first = direct.publishDefaultJob(user);
            second = direct.publishDefaultJob(user);
        }

        // then
        awaitDone(user, first);
        awaitDone(user, second);
        String firstTrace = api.job(user, first).text("trace_id");
        assertThat(firstTrace).matches("[0-9a-f]{32}");
        assertThat(api.job(user, second).text("trace_id")).matches("[0-9a-f]{32}").isNotEqualTo(firstTrace);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(logs.aboutJob(PROCESSOR, first)).isNotEmpty()
                    .extracting(ServiceLogs.Line::traceId).containsOnly(firstTrace);
            assertThat(logs.aboutJob(PROJECTOR, first)).isNotEmpty()
                    .extracting(ServiceLogs.Line::traceId).containsOnly(firstTrace);
        });
    }

    private static void awaitDone(String user, String id) {
        awaitStatus(user, id, "done");
    }

    private static void awaitStatus(String user, String id, String status) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(api.job(user, id).text("status")).isEqualTo(status));
    }

    private static String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
