package dev.jobstream.processor.handler;

import dev.jobstream.contract.JobCodec;
import java.time.Duration;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code sleep}: waits {@code duration} seconds (or {@code duration_ms} milliseconds), giving up at once when
 * interrupted.
 */
@Component
class SleepJobHandler implements JobHandler {

    @Override
    public String type() {
        return "sleep";
    }

    @Override
    public JsonNode run(ObjectNode payload, JobContext context) throws InterruptedException {
        Duration duration = payload.has("duration_ms") ? Duration.ofMillis(payload.get("duration_ms").asLong())
                : Duration.ofSeconds(payload.get("duration").asLong());
        Thread.sleep(duration.toMillis());
        return JobCodec.mapper().createObjectNode().put("slept_ms", duration.toMillis());
    }
}
