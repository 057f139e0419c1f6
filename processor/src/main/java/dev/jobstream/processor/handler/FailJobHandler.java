package dev.jobstream.processor.handler;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code fail}: always fails, with the payload's {@code message} when it has one.
 */
@Component
class FailJobHandler implements JobHandler {

    /** The message of a fail job that names none. */
    static final String DEFAULT_MESSAGE = "job failed as requested";

    @Override
    public String type() {
        return "fail";
    }

    @Override
    public JsonNode run(ObjectNode payload, JobContext context) throws JobFailedException {
        String message = payload.has("message") ? payload.get("message").asString() : DEFAULT_MESSAGE;
        throw new JobFailedException(message);
    }
}
