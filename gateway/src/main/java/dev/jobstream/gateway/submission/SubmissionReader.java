package dev.jobstream.gateway.submission;

import dev.jobstream.contract.JobRules;
import dev.jobstream.contract.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a submission body as a JSON tree and checks it against the job rules. Nothing is coerced: a value of the
 * wrong JSON type is a violation, as is any field the API does not know.
 */
@Component
class SubmissionReader {

    static final String PAYLOAD = "payload";
    static final String MAX_RETRIES = "max_retries";
    static final String TIMEOUT_SECONDS = "timeout_seconds";

    private static final Set<String> FIELDS = Set.of(PAYLOAD, MAX_RETRIES, TIMEOUT_SECONDS);

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final JobRules rules;

    SubmissionReader(JobRules rules) {
        this.rules = rules;
    }

    /**
     * Reads a body.
     *
     * @throws MalformedSubmissionException when the body is not JSON
     * @throws InvalidSubmissionException when it is JSON but not a valid job
     */
    JobSubmission read(byte[] body) {
        JsonNode tree = parse(body);
        if (!tree.isObject()) {
            throw new InvalidSubmissionException(List.of(new Violation("body", "must be a JSON object")));
        }
        List<Violation> violations = check(tree);
        if (!violations.isEmpty()) {
            throw new InvalidSubmissionException(violations);
        }
        JsonNode maxRetries = tree.get(MAX_RETRIES);
        JsonNode timeoutSeconds = tree.get(TIMEOUT_SECONDS);
        return new JobSubmission((ObjectNode) tree.get(PAYLOAD),
                maxRetries != null ? maxRetries.asInt() : JobRules.DEFAULT_MAX_RETRIES,
                timeoutSeconds != null ? timeoutSeconds.asInt() : null, tree);
    }

    /**
     * The parser's message without the part that points into its input source, such as "(start marker at
     * [Source: REDACTED …])": it says nothing to the client that the message before it does not.
     */
    static String withoutSource(String message) {
        int source = message.indexOf(" (start marker at");
        int line = message.indexOf('\n');
        int end = source < 0 ? line : line < 0 ? source : Math.min(source, line);
        return end < 0 ? message : message.substring(0, end).strip();
    }

    private static JsonNode parse(byte[] body) {
        JsonNode tree;
        try {
            tree = STRICT.readTree(body);
        } catch (JacksonException malformed) {
            throw new MalformedSubmissionException(withoutSource(malformed.getOriginalMessage()));
        }
        if (tree == null || tree.isMissingNode()) {
            throw new MalformedSubmissionException("the body holds no JSON value");
        }
        return tree;
    }

    private List<Violation> check(JsonNode tree) {
        List<Violation> violations = new ArrayList<>();
        for (String name : tree.propertyNames()) {
            if (!FIELDS.contains(name)) {
                violations.add(new Violation(name, "is not a known field"));
            }
        }
        violations.addAll(rules.checkPayload(tree.get(PAYLOAD)));
        violations.addAll(rules.checkMaxRetries(tree.get(MAX_RETRIES)));
        violations.addAll(rules.checkTimeoutSeconds(tree.get(TIMEOUT_SECONDS)));
        if (violations.isEmpty()) {
            violations.addAll(unstorableText(tree.get(PAYLOAD)));
        }
        return violations;
    }

    /**
     * Text the database cannot store: a NUL character, or half of a surrogate pair. The read model keeps payloads
     * as {@code jsonb}, which refuses both, so such a job could be accepted but never shown.
     */
    private static List<Violation> unstorableText(JsonNode payload) {
        List<Violation> violations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : payload.properties()) {
            if (field.getValue().isString() && !isStorable(field.getValue().asString())) {
                violations.add(new Violation(PAYLOAD + "." + field.getKey(),
                        "must not contain NUL characters or unpaired surrogates"));
            }
        }
        return violations;
    }

    private static boolean isStorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
