package dev.jobstream.processor.handler;

import dev.jobstream.contract.JobCodec;
import java.time.Duration;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code sleep}: waits {@code duration} seconds, giving up at once when interrupted.
 */
@Component
class SleepJobHandler implements JobHandler {

    @Override
    public String type() {
        return "sleep";
    }

    @Override
    public JsonNode run(ObjectNode payload, JobContext context) throws InterruptedException {
        long seconds = payload.get("duration").asLong();
        Thread.sleep(Duration.ofSeconds(seconds).toMillis());
        return JobCodec.mapper().createObjectNode().put("slept_seconds", seconds);
    }
}
