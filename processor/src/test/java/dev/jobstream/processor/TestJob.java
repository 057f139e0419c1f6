package dev.jobstream.processor;

import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.JobIds;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * A job record as a program would publish it on the jobs topic, with a fresh id.
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
                .put("user_id", "test-user")
                .put("created_at", Instant.now().toString());
        record.set("payload", payload);
        return new TestJob(id, record);
    }

    public static ObjectNode payload(String type) {
        return JobCodec.mapper().createObjectNode().put("type", type);
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
