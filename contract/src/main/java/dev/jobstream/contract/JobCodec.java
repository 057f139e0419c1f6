package dev.jobstream.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes the JSON of job records, status events and API key grants: snake_case names, ISO-8601 times, absent
 * fields left out. Unknown fields are ignored, so a reader keeps working when a writer adds one.
 */
public final class JobCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .addModule(new SimpleModule("jobstream-instants")
                    .addSerializer(Instant.class, new Instants.Serializer())
                    .addDeserializer(Instant.class, new Instants.Deserializer()))
            .build();

    private final JobRules rules;

    public JobCodec(JobRules rules) {
        this.rules = rules;
    }

    /** The mapper behind the codec, for services that write the same JSON elsewhere. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    public byte[] encode(JobRecord job) {
        return MAPPER.writeValueAsBytes(job);
    }

    public byte[] encode(JobStatusEvent event) {
        return MAPPER.writeValueAsBytes(event);
    }

    public byte[] encode(ApiKeyGrant grant) {
        return MAPPER.writeValueAsBytes(grant);
    }

    /**
     * Reads a grant of the {@code api-keys} topic; these are written only by the gateway.
     *
     * @throws IllegalArgumentException when the value is not a complete grant
     */
    public ApiKeyGrant decodeGrant(byte @Nullable [] value) {
        if (value == null) {
            throw new IllegalArgumentException("record has no value");
        }
        ApiKeyGrant grant;
        try {
            grant = MAPPER.readValue(value, ApiKeyGrant.class);
        } catch (JacksonException notAGrant) {
            throw new IllegalArgumentException("not an API key grant: " + notAGrant.getOriginalMessage(), notAGrant);
        }
        if (grant.id() == null || grant.userId() == null || grant.keyHash() == null || grant.at() == null) {
            throw new IllegalArgumentException("id, user_id, key_hash and at are required");
        }
        return grant;
    }

    /** Reads a status event; these are written only by Jobstream's own services. */
    public JobStatusEvent decodeEvent(byte[] value) {
        return MAPPER.readValue(value, JobStatusEvent.class);
    }

    /**
     * Reads a record of the {@code jobs} topic and checks it is a valid job.
     *
     * @throws InvalidJobRecordException when it is not; the exception still names the job's id
     */
    public JobRecord decodeJob(byte @Nullable [] value, RecordOrigin origin) {
        UUID derivedId = JobIds.forRecord(origin.topic(), origin.partition(), origin.offset());
        JsonNode root = parse(value, derivedId);
        UUID id = readId(root, derivedId);
        String userId = root.path("user_id").isString() ? root.get("user_id").asString() : null;
        JsonNode payload = root.get("payload");
        String type = payload != null && payload.path(JobRules.TYPE).isString()
                ? payload.get(JobRules.TYPE).asString() : null;

        List<Violation> violations = new ArrayList<>(rules.checkPayload(payload));
        violations.addAll(rules.checkMaxRetries(root.get("max_retries")));
        if (userId == null || userId.isBlank()) {
            violations.add(new Violation("user_id", "is required and must be a non-empty string"));
        }
        Instant createdAt = optionalInstant(root, "created_at", violations);
        Instant notBefore = optionalInstant(root, "not_before", violations);
        Instant firstFailureAt = optionalInstant(root, "first_failure_at", violations);
        violations.addAll(rules.checkTimeoutSeconds(root.get("timeout_seconds")));
        if (!violations.isEmpty()) {
            String reasons = violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
            throw new InvalidJobRecordException(reasons, id, userId, type);
        }

        int maxRetries = root.path("max_retries").asInt(JobRules.DEFAULT_MAX_RETRIES);
        return new JobRecord(id, userId, (ObjectNode) payload, maxRetries,
                createdAt != null ? createdAt : origin.timestamp(),
                Math.max(0, root.path("generation").asInt(0)), Math.max(1, root.path("attempt").asInt(1)),
                notBefore, root.path("trace_id").isString() ? root.get("trace_id").asString() : null,
                root.path("timeout_seconds").isIntegralNumber() ? root.get("timeout_seconds").asInt() : null,
                firstFailureAt);
    }

    private static JsonNode parse(byte @Nullable [] value, UUID derivedId) {
        if (value == null) {
            throw new InvalidJobRecordException("record has no value", derivedId, null, null);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(value);
        } catch (JacksonException notJson) {
            throw new InvalidJobRecordException("value is not JSON: " + notJson.getOriginalMessage(), derivedId,
                    null, null);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidJobRecordException("value must be a JSON object", derivedId, null, null);
        }
        return root;
    }

    private static UUID readId(JsonNode root, UUID derivedId) {
        JsonNode id = root.get("id");
        if (id == null || id.isNull()) {
            return derivedId;
        }
        try {
            return UUID.fromString(id.asString());
        } catch (IllegalArgumentException notUuid) {
            throw new InvalidJobRecordException("id must be a UUID", derivedId, null, null);
        }
    }

    private static @Nullable Instant optionalInstant(JsonNode root, String field, List<Violation> violations) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return Instants.parse(value.asString());
        } catch (DateTimeException notInstant) {
            violations.add(new Violation(field, "must be an ISO-8601 instant"));
            return null;
        }
    }
}
