package dev.jobstream.gateway.query;

import dev.jobstream.contract.Violation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which of a caller's dead jobs a dead-letter request is about; every criterion is optional.
 *
 * @param type only jobs of this type
 * @param errorText only jobs whose last error's type or message contains this text, ignoring case
 * @param diedBefore only jobs that died before this instant
 */
public record DeadJobFilter(@Nullable String type, @Nullable String errorText, @Nullable Instant diedBefore) {

    /**
     * Reads the criteria as sent, adding a violation, named after its parameter, for each that is not valid.
     *
     * @param type the {@code type} parameter
     * @param q the {@code q} parameter, the error text
     * @param olderThan the {@code older_than} parameter, an ISO-8601 instant
     */
    public static DeadJobFilter of(@Nullable String type, @Nullable String q, @Nullable String olderThan,
            List<Violation> violations) {
        return new DeadJobFilter(QueryParameters.type(type, violations), QueryParameters.errorText(q, violations),
                instant(olderThan, violations));
    }

    private static @Nullable Instant instant(@Nullable String text, List<Violation> violations) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            violations.add(new Violation("older_than", "must be an ISO-8601 instant, e.g. 2025-03-01T10:00:00Z"));
            return null;
        }
    }
}
