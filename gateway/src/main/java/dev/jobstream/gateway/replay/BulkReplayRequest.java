package dev.jobstream.gateway.replay;

import dev.jobstream.contract.Violation;
import dev.jobstream.gateway.query.DeadJobFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the body of a bulk replay, {@code {"type"?, "q"?, "older_than"?}}: which dead jobs to replay. Every
 * field is optional and, when present, a string; an absent body replays every dead job.
 */
final class BulkReplayRequest {

    private static final String TYPE = "type";
    private static final String TEXT = "q";
    private static final String OLDER_THAN = "older_than";
    private static final Set<String> FIELDS = Set.of(TYPE, TEXT, OLDER_THAN);

    private BulkReplayRequest() {
    }

    /**
     * The filter a body asks for.
     *
     * @throws InvalidReplayRequestException naming every field that is unknown or not valid
     */
    static DeadJobFilter filterOf(@Nullable JsonNode body) {
        if (body == null || body.isMissingNode()) {
            return new DeadJobFilter(null, null, null);
        }
        if (!body.isObject()) {
            throw new InvalidReplayRequestException(List.of(new Violation("body", "must be a JSON object")));
        }
        List<Violation> violations = new ArrayList<>();
        for (String name : body.propertyNames()) {
            if (!FIELDS.contains(name)) {
                violations.add(new Violation(name, "is not a known field"));
            }
        }
        DeadJobFilter filter = DeadJobFilter.of(text(body, TYPE, violations), text(body, TEXT, violations),
                text(body, OLDER_THAN, violations), violations);
        if (!violations.isEmpty()) {
            throw new InvalidReplayRequestException(violations);
        }
        return filter;
    }

    private static @Nullable String text(JsonNode body, String field, List<Violation> violations) {
        JsonNode value = body.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            violations.add(new Violation(field, "must be a string"));
            return null;
        }
        return value.asString();
    }
}
