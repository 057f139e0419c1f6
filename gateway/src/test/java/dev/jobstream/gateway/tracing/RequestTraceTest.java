package dev.jobstream.gateway.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstream.gateway.ApiResponse;
import dev.jobstream.gateway.GatewayIntegrationTest;
import dev.jobstream.gateway.JobBodies;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class RequestTraceTest extends GatewayIntegrationTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    @Test
    void submissionWithATraceparentIsAnsweredWithItsTraceIdWhichTheJobKeeps() {
        ApiResponse response = gateway().submit(aNewUser(), JobBodies.sleepJob(1), "traceparent", TRACEPARENT);

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.header(TraceResponseFilter.HEADER)).isEqualTo(TRACE_ID);
        assertThat(response.json().path("trace_id").asString()).isEqualTo(TRACE_ID);
        assertThat(jobsTopic().jobRecordsOf(jobId(response)).get(0).traceId()).isEqualTo(TRACE_ID);
    }

    @Test
    void submissionWithoutATraceparentGetsANewTraceWhichTheJobKeeps() {
        ApiResponse first = gateway().submit(aNewUser(), JobBodies.sleepJob(1));
        ApiResponse second = gateway().submit(aNewUser(), JobBodies.sleepJob(1));

        String traceId = first.header(TraceResponseFilter.HEADER);
        assertThat(traceId).matches("[0-9a-f]{32}");
        assertThat(first.json().path("trace_id").asString()).isEqualTo(traceId);
        assertThat(jobsTopic().jobRecordsOf(jobId(first)).get(0).traceId()).isEqualTo(traceId);
        assertThat(second.header(TraceResponseFilter.HEADER)).isNotEqualTo(traceId);
    }

    @Test
    void jobRecordCarriesTheTraceOfItsRequestInItsHeaders() {
        ApiResponse response = gateway().submit(aNewUser(), JobBodies.sleepJob(1), "traceparent", TRACEPARENT);

        ConsumerRecord<String, byte[]> record = jobsTopic().recordsOf(jobId(response)).get(0);
        Header traceparent = record.headers().lastHeader("traceparent");
        assertThat(traceparent).isNotNull();
        assertThat(new String(traceparent.value(), StandardCharsets.UTF_8)).startsWith("00-" + TRACE_ID + "-");
    }

    @Test
    void everyRequestIsAnsweredWithItsTraceId() {
        ApiResponse response = gateway().get(aNewUser(), "/api/jobs/00000000-0000-7000-8000-000000000000");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header(TraceResponseFilter.HEADER)).matches("[0-9a-f]{32}");
    }

    @Test
    void bodyRefusedForItsDeclaredLengthIsAnsweredWithItsTraceId() {
        String oversized = JobBodies.sleepJob(1) + " ".repeat(65 * 1024);

        ApiResponse response = gateway().submit(aNewUser(), oversized, "traceparent", TRACEPARENT);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header(TraceResponseFilter.HEADER)).isEqualTo(TRACE_ID);
    }

    private static String jobId(ApiResponse response) {
        return response.json().path("id").asString();
    }
}
