package dev.jobstream.gateway.query;

import dev.jobstream.contract.Violation;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Checks of the filter parameters the listings and the dead-letter requests share. Each check returns the value
 * when it is valid, and otherwise adds a violation named after the parameter and returns null.
 */
final class QueryParameters {

    static final int MAX_TYPE_LENGTH = 64;
    static final int MAX_TEXT_LENGTH = 200;

    private QueryParameters() {
    }

    static @Nullable String type(@Nullable String text, List<Violation> violations) {
        if (text != null && !isPrintable(text, MAX_TYPE_LENGTH)) {
            violations.add(new Violation("type", "must be a job type of 1 to " + MAX_TYPE_LENGTH + " characters"));
            return null;
        }
        return text;
    }

    static @Nullable String errorText(@Nullable String text, List<Violation> violations) {
        if (text != null && !isPrintable(text, MAX_TEXT_LENGTH)) {
            violations.add(new Violation("q", "must be 1 to " + MAX_TEXT_LENGTH
                    + " characters without control characters"));
            return null;
        }
        return text;
    }

    private static boolean isPrintable(String text, int maxLength) {
        return !text.isBlank() && text.length() <= maxLength && text.chars().noneMatch(Character::isISOControl);
    }
}
