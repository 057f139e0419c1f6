package dev.jobstream.gateway.query;

import dev.jobstream.contract.JobStatus;
import dev.jobstream.contract.Violation;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a listing asks for: optional filters, a page size and where to continue.
 *
 * @param status only jobs in this status
 * @param type only jobs of this type
 * @param errorText only jobs whose last error's type or message contains this text, ignoring case
 * @param limit the page size, 1 to {@value #MAX_LIMIT}
 * @param after the cursor of the previous page
 */
record JobListQuery(@Nullable JobStatus status, @Nullable String type, @Nullable String errorText, int limit,
        @Nullable JobCursor after) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    /**
     * Reads the query parameters of a listing.
     *
     * @throws InvalidQueryException naming every parameter that is out of range or unknown
     */
    static JobListQuery of(@Nullable String status, @Nullable String type, @Nullable String limit,
            @Nullable String cursor) {
        List<Violation> violations = new ArrayList<>();
        JobListQuery query = new JobListQuery(status(status, violations), QueryParameters.type(type, violations),
                null, limit(limit, violations), cursor(cursor, violations));
        return valid(query, violations);
    }

    /**
     * Reads the query parameters of a listing of the dead-letter queue: dead jobs only, optionally of one type
     * and with an error that contains some text.
     *
     * @throws InvalidQueryException naming every parameter that is out of range or unknown
     */
    static JobListQuery deadLetters(@Nullable String type, @Nullable String q, @Nullable String limit,
            @Nullable String cursor) {
        List<Violation> violations = new ArrayList<>();
        JobListQuery query = new JobListQuery(JobStatus.DEAD, QueryParameters.type(type, violations),
                QueryParameters.errorText(q, violations), limit(limit, violations), cursor(cursor, violations));
        return valid(query, violations);
    }

    private static JobListQuery valid(JobListQuery query, List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidQueryException(violations);
        }
        return query;
    }

    private static @Nullable JobStatus status(@Nullable String text, List<Violation> violations) {
        if (text == null) {
            return null;
        }
        JobStatus status = Arrays.stream(JobStatus.values()).filter(known -> known.wireName().equals(text))
                .findFirst().orElse(null);
        if (status == null) {
            violations.add(new Violation("status", "must be one of " + wireNames()));
        }
        return status;
    }

    private static int limit(@Nullable String text, List<Violation> violations) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // reported below like any other out-of-range value
        }
        violations.add(new Violation("limit", "must be a whole number from 1 to " + MAX_LIMIT));
        return DEFAULT_LIMIT;
    }

    private static @Nullable JobCursor cursor(@Nullable String text, List<Violation> violations) {
        if (text == null) {
            return null;
        }
        try {
            return JobCursor.decode(text);
        } catch (IllegalArgumentException | DateTimeParseException notACursor) {
            violations.add(new Violation("cursor", "is not a cursor this API returned"));
            return null;
        }
    }

    private static List<String> wireNames() {
        return Arrays.stream(JobStatus.values()).map(JobStatus::wireName).toList();
    }
}
