package dev.jobstream.processor;

import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.JobIds;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * A job record as a program would publish it on the jobs topic, with a fresh id. Each job has a user of its own
 * unless a test names one, so that the per-user concurrency limit holds back only the tests about it.
 *
 * @param id the job id
 * @param record the record's JSON
 */
public record TestJob(UUID id, ObjectNode record) {

    public static TestJob sleep(long seconds) {
        return withPayload(payload("sleep").put("duration", seconds));
    }

    public static TestJob compute(long size) {
        return withPayload(payload("compute").put("size", size));
    }

    public static TestJob compute() {
        return withPayload(payload("compute"));
    }

    public static TestJob fail(String message) {
        return withPayload(payload("fail").put("message", message));
    }

    public static TestJob quick() {
        return withPayload(payload("default"));
    }

    /** A job with any payload, valid or not. */
    public static TestJob withPayload(ObjectNode payload) {
        UUID id = JobIds.newId();
        ObjectNode record = JobCodec.mapper().createObjectNode()
                .put("id", id.toString())
                .put("user_id", "test-user-" + id)
                .put("created_at", Instant.now().toString());
        record.set("payload", payload);
        return new TestJob(id, record);
    }

    public static ObjectNode payload(String type) {
        return JobCodec.mapper().createObjectNode().put("type", type);
    }

    /** The same job with a retry budget. */
    public TestJob withMaxRetries(int maxRetries) {
        return with("max_retries", maxRetries);
    }

    /** The same job with a per-attempt timeout. */
    public TestJob withTimeoutSeconds(int seconds) {
        return with("timeout_seconds", seconds);
    }

    /** The same job, not to start before a moment. */
    public TestJob notBefore(Instant notBefore) {
        ObjectNode copy = record.deepCopy();
        copy.put("not_before", notBefore.toString());
        return new TestJob(id, copy);
    }

    /** The same job as a later attempt, the way the retry forwarder republishes it. */
    public TestJob attempt(int attempt) {
        return with("attempt", attempt);
    }

    /** The same job, owned by another user. */
    public TestJob forUser(String userId) {
        ObjectNode copy = record.deepCopy();
        copy.put("user_id", userId);
        return new TestJob(id, copy);
    }

    private TestJob with(String field, int value) {
        ObjectNode copy = record.deepCopy();
        copy.put(field, value);
        return new TestJob(id, copy);
    }

    /** The same job without one of its fields. */
    public TestJob without(String field) {
        ObjectNode copy = record.deepCopy();
        copy.remove(field);
        return new TestJob(id, copy);
    }

    public byte[] bytes() {
        return JobCodec.mapper().writeValueAsBytes(record);
    }
}
