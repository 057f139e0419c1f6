package dev.jobstream.gateway.submission;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A valid submission.
 *
 * @param payload the job's type and parameters
 * @param maxRetries the retry budget, the default when the body named none
 * @param body the whole body as sent, which identifies the submission for idempotency
 */
record JobSubmission(ObjectNode payload, int maxRetries, JsonNode body) {
}
