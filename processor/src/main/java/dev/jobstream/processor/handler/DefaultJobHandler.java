package dev.jobstream.processor.handler;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code default}: does nothing and finishes at once, without a result.
 */
@Component
class DefaultJobHandler implements JobHandler {

    @Override
    public String type() {
        return "default";
    }

    @Override
    public @Nullable JsonNode run(ObjectNode payload, JobContext context) {
        return null;
    }
}
