package dev.jobstream.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

class JobCodecTest {

    private static final RecordOrigin ORIGIN = new RecordOrigin("jobs", 2, 41, Instant.parse("2026-01-01T00:00:00Z"));

    private final JobCodec codec = new JobCodec(new JobRules(PayloadLimits.DEFAULTS));

    @Test
    void jobRecordSurvivesARoundTrip() {
        // given
        ObjectNode payload = JobCodec.mapper().createObjectNode().put("type", "sleep").put("duration", 2);
        JobRecord job = JobRecord.accepted(JobIds.newId(), "7", payload, 5, Instant.parse("2026-02-03T04:05:06Z"),
                "abc").withTimeoutSeconds(30);

        // when
        JobRecord read = codec.decodeJob(codec.encode(job), ORIGIN);

        // then
        assertThat(read).isEqualTo(job);
    }

    @Test
    void recordWithoutIdGetsTheSameIdOnEveryDelivery() {
        // given
        byte[] value = bytes("{\"user_id\": \"1\", \"payload\": {\"type\": \"default\"}}");

        // when
        UUID first = codec.decodeJob(value, ORIGIN).id();
        UUID second = codec.decodeJob(value, ORIGIN).id();

        // then
        assertThat(first).isEqualTo(second).isEqualTo(JobIds.forRecord("jobs", 2, 41));
    }

    @Test
    void recordWithoutOptionalFieldsGetsDefaults() {
        JobRecord job = codec.decodeJob(bytes("{\"user_id\": \"1\", \"payload\": {\"type\": \"default\"}}"), ORIGIN);

        assertThat(job.maxRetries()).isEqualTo(JobRules.DEFAULT_MAX_RETRIES);
        assertThat(job.attempt()).isEqualTo(1);
        assertThat(job.generation()).isZero();
        assertThat(job.createdAt()).isEqualTo(ORIGIN.timestamp());
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{\"user_id\": \"1\", \"payload\": {\"type\"", "[1, 2]",
        "{\"user_id\": \"1\", \"payload\": {\"type\": \"teleport\"}}",
        "{\"user_id\": \"1\", \"payload\": {\"type\": \"sleep\", \"duration\": \"5s\"}}",
        "{\"payload\": {\"type\": \"default\"}}",
        "{\"user_id\": \"1\", \"payload\": {\"type\": \"default\"}, \"max_retries\": 2.5}",
        "{\"id\": \"nope\", \"user_id\": \"1\", \"payload\": {\"type\": \"default\"}}"})
    void invalidRecordIsRejectedWithItsDerivedIdAndAReason(String value) {
        assertThatThrownBy(() -> codec.decodeJob(bytes(value), ORIGIN))
                .isInstanceOfSatisfying(InvalidJobRecordException.class, invalid -> {
                    assertThat(invalid.jobId()).isEqualTo(JobIds.forRecord("jobs", 2, 41));
                    assertThat(invalid.getMessage()).isNotBlank();
                });
    }

    @Test
    void recordWithoutValueIsRejected() {
        assertThatThrownBy(() -> codec.decodeJob(null, ORIGIN))
                .isInstanceOf(InvalidJobRecordException.class)
                .hasMessageContaining("no value");
    }

    @Test
    void statusEventSurvivesARoundTripAndLeavesOutEmptyFields() {
        // given
        JobRecord job = JobRecord.accepted(JobIds.newId(), "1",
                JobCodec.mapper().createObjectNode().put("type", "fail"), 3, Instant.now(), null);
        JobStatusEvent event = JobStatusEvent.ended(job, JobStatus.DEAD, "worker-1", Instant.now(),
                new JobError("java.lang.IllegalStateException", "boom", null), Instant.now());

        // when
        byte[] json = codec.encode(event);

        // then
        assertThat(codec.decodeEvent(json)).isEqualTo(event);
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"status\":\"dead\"")
                .doesNotContain("result").doesNotContain("next_attempt_at");
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
