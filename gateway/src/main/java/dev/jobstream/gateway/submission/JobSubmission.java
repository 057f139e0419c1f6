package dev.jobstream.gateway.submission;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A valid submission.
 *
 * @param payload the job's type and parameters
 * @param maxRetries the retry budget, the default when the body named none
 * @param timeoutSeconds how long one attempt may run, when the body named a limit
 * @param body the whole body as sent, which identifies the submission for idempotency
 */
record JobSubmission(ObjectNode payload, int maxRetries, @Nullable Integer timeoutSeconds, JsonNode body) {
}
