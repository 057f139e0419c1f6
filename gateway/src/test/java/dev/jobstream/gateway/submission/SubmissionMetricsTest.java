package dev.jobstream.gateway.submission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstream.gateway.ApiResponse;
import dev.jobstream.gateway.GatewayIntegrationTest;
import dev.jobstream.gateway.JobBodies;
import io.micrometer.core.instrument.Counter;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SubmissionMetricsTest extends GatewayIntegrationTest {

    private static final int JOBS = 3;

    @Autowired
    private MeterRegistry registry;

    @Test
    void everyAcceptedJobIsCountedWithItsType() {
        String user = aNewUser();
        double before = submissions("compute", "accepted", "none");

        for (int i = 0; i < JOBS; i++) {
            assertThat(gateway().submit(user, JobBodies.computeJob(100, 1)).status()).isEqualTo(202);
        }

        assertThat(submissions("compute", "accepted", "none")).isEqualTo(before + JOBS);
    }

    @Test
    void replayedSubmissionIsCountedAsReplayed() {
        String user = aNewUser();
        String key = "metrics-" + System.nanoTime();
        double before = submissions("sleep", "replayed", "none");

        gateway().submit(user, JobBodies.sleepJob(1), "Idempotency-Key", key);
        ApiResponse replay = gateway().submit(user, JobBodies.sleepJob(1), "Idempotency-Key", key);

        assertThat(replay.header(JobSubmissionController.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(submissions("sleep", "replayed", "none")).isEqualTo(before + 1);
    }

    @Test
    void rejectedSubmissionsAreCountedByReason() {
        double malformed = submissions("unknown", "rejected", "malformed");
        double invalid = submissions("unknown", "rejected", "invalid");

        gateway().submit(aNewUser(), "{not json");
        gateway().submit(aNewUser(), "{\"type\":\"no-such-type\"}");

        assertThat(submissions("unknown", "rejected", "malformed")).isEqualTo(malformed + 1);
        assertThat(submissions("unknown", "rejected", "invalid")).isEqualTo(invalid + 1);
    }

    @Test
    void bodiesOverTheSizeLimitAreCountedAsTooLarge() {
        double tooLarge = submissions("unknown", "rejected", "too-large");
        byte[] oversized = (JobBodies.sleepJob(1) + " ".repeat(65 * 1024)).getBytes(StandardCharsets.UTF_8);

        ApiResponse byLength = gateway().submit(aNewUser(), new String(oversized, StandardCharsets.UTF_8));
        ApiResponse whileRead = gateway().send(gateway().request("/api/jobs").header("X-User-Id", aNewUser())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(oversized))));

        assertThat(byLength.status()).isEqualTo(413);
        assertThat(whileRead.status()).isEqualTo(413);
        assertThat(submissions("unknown", "rejected", "too-large")).isEqualTo(tooLarge + 2);
    }

    @Test
    void bodyThatIsNotJsonIsCountedAsAnUnsupportedMediaType() {
        double unsupported = submissions("unknown", "rejected", "unsupported-media-type");

        ApiResponse response = gateway().send(gateway().request("/api/jobs").header("X-User-Id", aNewUser())
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(JobBodies.sleepJob(1))));

        assertThat(response.status()).isEqualTo(415);
        assertThat(submissions("unknown", "rejected", "unsupported-media-type")).isEqualTo(unsupported + 1);
    }

    @Test
    void refusalsOfOtherRoutesAreNotCountedAsSubmissions() {
        double tooLarge = submissions("unknown", "rejected", "too-large");
        double unsupported = submissions("unknown", "rejected", "unsupported-media-type");

        ApiResponse response = gateway().send(gateway().request("/api/dlq/retry").header("X-User-Id", aNewUser())
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.status()).isEqualTo(415);
        assertThat(submissions("unknown", "rejected", "too-large")).isEqualTo(tooLarge);
        assertThat(submissions("unknown", "rejected", "unsupported-media-type")).isEqualTo(unsupported);
    }

    @Test
    void prometheusEndpointShowsTheSubmissionsCounter() {
        gateway().submit(aNewUser(), JobBodies.sleepJob(1));

        ApiResponse scrape = gateway().send(gateway().request("/actuator/prometheus"));

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body()).contains("jobstream_submissions_total{")
                .contains("outcome=\"accepted\"").contains("reason=\"none\"");
    }

    private double submissions(String type, String outcome, String reason) {
        Counter counter = registry.find(SubmissionOutcomes.METER)
                .tags("type", type, "outcome", outcome, "reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }
}
