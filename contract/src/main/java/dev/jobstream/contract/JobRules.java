package dev.jobstream.contract;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What makes a submission a valid job: a known type, the parameters that type takes and nothing else, and a
 * retry budget in range. Values are never coerced: {@code "5s"}, {@code 2.7}, {@code true} or {@code null}
 * where an integer belongs are violations.
 */
public final class JobRules {

    /** The payload field that names the job type. */
    public static final String TYPE = "type";

    /** Retries a job gets when it names none. */
    public static final int DEFAULT_MAX_RETRIES = 3;

    /** The largest retry budget a job may ask for. */
    public static final int MAX_RETRIES_LIMIT = 25;

    /** The longest per-attempt timeout a job may ask for, in seconds: one day. */
    public static final int MAX_TIMEOUT_SECONDS = 86_400;

    /** The longest message a {@code fail} job may carry. */
    public static final int MAX_MESSAGE_LENGTH = 1_000;

    private final Map<String, BiConsumer<JsonNode, List<Violation>>> typeRules;

    public JobRules(PayloadLimits limits) {
        this.typeRules = Map.of(
                "sleep", (payload, violations) -> {
                    onlyFields(payload, Set.of("duration", "duration_ms"), violations);
                    sleepDuration(payload, limits.maxSleep(), violations);
                },
                "compute", (payload, violations) -> {
                    onlyFields(payload, Set.of("size"), violations);
                    wholeNumber(payload, "size", false, 1, limits.maxComputeSize(), violations);
                },
                "fail", (payload, violations) -> {
                    onlyFields(payload, Set.of("message"), violations);
                    optionalText(payload, "message", violations);
                },
                "default", (payload, violations) -> onlyFields(payload, Set.of(), violations));
    }

    /** The job types this platform runs. */
    public Set<String> types() {
        return typeRules.keySet();
    }

    /** Checks a payload: an object with a known {@code type} and that type's parameters. */
    public List<Violation> checkPayload(@Nullable JsonNode payload) {
        List<Violation> violations = new ArrayList<>();
        if (payload == null || payload.isMissingNode() || payload.isNull()) {
            violations.add(new Violation("payload", "is required"));
            return violations;
        }
        if (!payload.isObject()) {
            violations.add(new Violation("payload", "must be an object"));
            return violations;
        }
        JsonNode type = payload.get(TYPE);
        if (type == null || !type.isString()) {
            violations.add(new Violation("payload.type", "is required and must be a string"));
        } else if (!typeRules.containsKey(type.asString())) {
            violations.add(new Violation("payload.type", "unknown type; known types are " + types()));
        } else {
            typeRules.get(type.asString()).accept(payload, violations);
        }
        return violations;
    }

    /** Checks an optional retry budget: absent, or a whole number from 0 to {@value #MAX_RETRIES_LIMIT}. */
    public List<Violation> checkMaxRetries(@Nullable JsonNode maxRetries) {
        List<Violation> violations = new ArrayList<>();
        if (maxRetries != null && !maxRetries.isMissingNode()) {
            checkWholeNumber("max_retries", maxRetries, 0, MAX_RETRIES_LIMIT, violations);
        }
        return violations;
    }

    /** Checks an optional per-attempt timeout: absent, or whole seconds from 1 to a day. */
    public List<Violation> checkTimeoutSeconds(@Nullable JsonNode timeoutSeconds) {
        List<Violation> violations = new ArrayList<>();
        if (timeoutSeconds != null && !timeoutSeconds.isMissingNode()) {
            checkWholeNumber("timeout_seconds", timeoutSeconds, 1, MAX_TIMEOUT_SECONDS, violations);
        }
        return violations;
    }

    private static void onlyFields(JsonNode payload, Set<String> allowed, List<Violation> violations) {
        for (String name : payload.propertyNames()) {
            if (!name.equals(TYPE) && !allowed.contains(name)) {
                violations.add(new Violation("payload." + name, "is not a parameter of this type"));
            }
        }
    }

    private static void wholeNumber(JsonNode payload, String name, boolean required, long min, long max,
            List<Violation> violations) {
        JsonNode value = payload.get(name);
        if (value == null) {
            if (required) {
                violations.add(new Violation("payload." + name, "is required"));
            }
            return;
        }
        checkWholeNumber("payload." + name, value, min, max, violations);
    }

    private static void checkWholeNumber(String field, JsonNode value, long min, long max,
            List<Violation> violations) {
        if (!value.isIntegralNumber()) {
            violations.add(new Violation(field, "must be a whole number"));
        } else if (!value.canConvertToLong() || value.asLong() < min || value.asLong() > max) {
            violations.add(new Violation(field, "must be between " + min + " and " + max));
        }
    }

    private static void sleepDuration(JsonNode payload, Duration maxSleep, List<Violation> violations) {
        if (payload.has("duration") && payload.has("duration_ms")) {
            violations.add(new Violation("payload.duration_ms", "give either duration or duration_ms, not both"));
        } else if (payload.has("duration_ms")) {
            wholeNumber(payload, "duration_ms", true, 1, maxSleep.toMillis(), violations);
        } else {
            wholeNumber(payload, "duration", true, 1, maxSleep.toSeconds(), violations);
        }
    }

    private static void optionalText(JsonNode payload, String name, List<Violation> violations) {
        JsonNode value = payload.get(name);
        if (value == null) {
            return;
        }
        if (!value.isString()) {
            violations.add(new Violation("payload." + name, "must be a string"));
        } else if (value.asString().length() > MAX_MESSAGE_LENGTH) {
            violations.add(new Violation("payload." + name, "must be at most " + MAX_MESSAGE_LENGTH + " characters"));
        }
    }
}
