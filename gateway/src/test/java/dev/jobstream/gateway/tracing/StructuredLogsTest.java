package dev.jobstream.gateway.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstream.gateway.ApiResponse;
import dev.jobstream.gateway.GatewayIntegrationTest;
import dev.jobstream.gateway.JobBodies;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
    "logging.structured.format.console=ecs",
    "logging.level.dev.jobstream.gateway.submission=debug"})
class StructuredLogsTest extends GatewayIntegrationTest {

    @Test
    void jsonLogLinesCarryTheTraceTheJobAndTheUser(CapturedOutput output) {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        String user = "user-" + UUID.randomUUID();

        ApiResponse response = gateway().submit(user, JobBodies.sleepJob(1),
                "traceparent", "00-" + traceId + "-b7ad6b7169203331-01");

        String jobId = response.json().path("id").asString();
        assertThat(Arrays.stream(output.getOut().split("\\R")).filter(line -> line.contains("Accepted job " + jobId)))
                .singleElement().satisfies(line -> assertThat(line).startsWith("{")
                        .contains("\"traceId\":\"" + traceId + "\"")
                        .contains("\"jobId\":\"" + jobId + "\"")
                        .contains("\"userId\":\"" + user + "\"")
                        .contains("\"spanId\":"));
    }
}
