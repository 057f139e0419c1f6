package dev.jobstream.gateway.submission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.JobRecord;
import dev.jobstream.contract.JobRules;
import dev.jobstream.contract.PayloadLimits;
import dev.jobstream.contract.RecordOrigin;
import dev.jobstream.gateway.ApiResponse;
import dev.jobstream.gateway.GatewayIntegrationTest;
import dev.jobstream.gateway.JobBodies;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class JobSubmissionTest extends GatewayIntegrationTest {

    private static final JobCodec CODEC = new JobCodec(new JobRules(PayloadLimits.DEFAULTS));

    @Test
    void acceptedJobIsAnsweredWithItsViewAndLocation() {
        String user = aNewUser();

        ApiResponse response = gateway().submit(user, JobBodies.computeJob(1000, 5));

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        JsonNode job = response.json();
        assertThat(response.header("Location")).isEqualTo("/api/jobs/" + job.path("id").asString());
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(job.path("user_id").asString()).isEqualTo(user);
        assertThat(job.path("status").asString()).isEqualTo("pending");
        assertThat(job.path("type").asString()).isEqualTo("compute");
        assertThat(job.path("payload").path("size").asLong()).isEqualTo(1000);
        assertThat(job.path("attempts").asInt()).isZero();
        assertThat(job.path("max_retries").asInt()).isEqualTo(5);
        assertThat(Instant.parse(job.path("created_at").asString())).isBeforeOrEqualTo(Instant.now());
        assertThat(job.has("result")).as("absent values are left out").isFalse();
    }

    @Test
    void acceptedJobIsOnTheJobsTopicKeyedByItsId() {
        String user = aNewUser();

        String id = gateway().submit(user, JobBodies.computeJob(1000, 5)).json().path("id").asString();

        List<ConsumerRecord<String, byte[]>> records = jobsTopic().recordsOf(id);
        assertThat(records).hasSize(1);
        JobRecord job = decode(records.get(0));
        assertThat(job.id()).hasToString(id);
        assertThat(job.userId()).isEqualTo(user);
        assertThat(job.type()).isEqualTo("compute");
        assertThat(job.maxRetries()).isEqualTo(5);
        assertThat(job.attempt()).isEqualTo(1);
        assertThat(job.generation()).isZero();
    }

    @Test
    void jobWithoutRetryBudgetGetsTheDefault() {
        ApiResponse response = gateway().submit(aNewUser(), JobBodies.sleepJob(1));

        assertThat(response.json().path("max_retries").asInt()).isEqualTo(JobRules.DEFAULT_MAX_RETRIES);
    }

    @Test
    void jobJoinsTheTraceOfItsRequest() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

        ApiResponse response = gateway().submit(aNewUser(), JobBodies.sleepJob(1),
                "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");

        assertThat(response.json().path("trace_id").asString()).isEqualTo(traceId);
        assertThat(decode(jobsTopic().recordsOf(response.json().path("id").asString()).get(0)).traceId())
                .isEqualTo(traceId);
    }

    @Test
    void acceptedJobCanBeReadBackBeforeTheReadModelHasIt() {
        String user = aNewUser();
        ApiResponse accepted = gateway().submit(user, JobBodies.sleepJob(3));

        ApiResponse read = gateway().get(user, accepted.header("Location"));

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(accepted.json());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"5s\"", "2.7", "true", "null", "[]", "{}", "99999999999999999999999", "-1", "0"})
    void durationThatIsNotAPositiveWholeNumberIsRefusedNamingTheField(String duration) {
        String body = "{\"payload\": {\"type\": \"sleep\", \"duration\": " + duration + "}}";

        ApiResponse response = gateway().submit(aNewUser(), body);

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.errorFields()).containsExactly("payload.duration");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"5\"", "2.7", "true", "null", "-1", "26", "1e2"})
    void retryBudgetThatIsNotAWholeNumberInRangeIsRefusedNamingTheField(String maxRetries) {
        String body = "{\"payload\": {\"type\": \"sleep\", \"duration\": 1}, \"max_retries\": " + maxRetries + "}";

        ApiResponse response = gateway().submit(aNewUser(), body);

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.errorFields()).containsExactly("max_retries");
    }

    @Test
    void jobWithATimeoutCarriesItOnTheJobsTopicAndInItsView() {
        String body = "{\"payload\": {\"type\": \"sleep\", \"duration\": 1}, \"timeout_seconds\": 30}";

        ApiResponse response = gateway().submit(aNewUser(), body);

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.json().path("timeout_seconds").asInt()).isEqualTo(30);
        JobRecord job = decode(jobsTopic().recordsOf(response.json().path("id").asString()).get(0));
        assertThat(job.timeoutSeconds()).isEqualTo(30);
    }

    @Test
    void jobWithoutATimeoutShowsNone() {
        ApiResponse response = gateway().submit(aNewUser(), JobBodies.sleepJob(1));

        assertThat(response.json().has("timeout_seconds")).isFalse();
        assertThat(response.json().path("generation").asInt()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "86401", "\"30\"", "2.5", "true", "null", "{}"})
    void timeoutThatIsNotAWholeNumberOfSecondsUpToADayIsRefused(String timeout) {
        String body = "{\"payload\": {\"type\": \"sleep\", \"duration\": 1}, \"timeout_seconds\": " + timeout + "}";

        ApiResponse response = gateway().submit(aNewUser(), body);

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.errorFields()).containsExactly("timeout_seconds");
    }

    @Test
    void unknownTopLevelFieldIsRefused() {
        String body = "{\"payload\": {\"type\": \"sleep\", \"duration\": 1}, \"priority\": 9}";

        ApiResponse response = gateway().submit(aNewUser(), body);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.errorFields()).containsExactly("priority");
    }

    @Test
    void everyViolationIsNamed() {
        String body = "{\"payload\": {\"type\": \"sleep\", \"duration\": \"5s\", \"extra\": 1}, \"max_retries\": true}";

        ApiResponse response = gateway().submit(aNewUser(), body);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.errorFields())
                .containsExactlyInAnyOrder("payload.extra", "payload.duration", "max_retries");
        assertThat(response.json().path("errors").get(0).path("message").asString()).isNotBlank();
    }

    @Test
    void sleepLongerThanTheConfiguredLimitIsRefused() {
        ApiResponse response = gateway().submit(aNewUser(), JobBodies.sleepJob(3601));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.errorFields()).containsExactly("payload.duration");
    }

    @Test
    void bodyUpToTheLimitIsAccepted() {
        String body = JobBodies.sleepJob(1);
        String padded = body + " ".repeat(64 * 1024 - body.length());

        ApiResponse response = gateway().submit(aNewUser(), padded);

        assertThat(response.status()).as(response.body()).isEqualTo(202);
    }

    @Test
    void bodyOverTheLimitIsRefusedByItsLength() {
        String body = JobBodies.sleepJob(1);
        String padded = body + " ".repeat(64 * 1024 + 1 - body.length());

        ApiResponse response = gateway().submit(aNewUser(), padded);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(413);
        assertThat(response.json().path("instance").asString()).isEqualTo("/api/jobs");
    }

    @Test
    void chunkedBodyOverTheLimitIsRefusedWhileReading() {
        String user = aNewUser();
        byte[] body = (JobBodies.sleepJob(1) + " ".repeat(100 * 1024)).getBytes(StandardCharsets.UTF_8);

        ApiResponse response = gateway().send(gateway().request("/api/jobs").header("X-User-Id", user)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(jobsTopic().allRecords()).noneMatch(record -> new String(record.value(), StandardCharsets.UTF_8)
                .contains(user));
    }

    private static JobRecord decode(ConsumerRecord<String, byte[]> record) {
        return CODEC.decodeJob(record.value(), new RecordOrigin(record.topic(), record.partition(),
                record.offset(), Instant.ofEpochMilli(record.timestamp())));
    }
}
