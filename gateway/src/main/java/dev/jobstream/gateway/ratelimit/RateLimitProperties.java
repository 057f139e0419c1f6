package dev.jobstream.gateway.ratelimit;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The per-user rate limits, under {@code jobstream.gateway.rate-limits}.
 *
 * @param requestsPerMinute API requests a user may make a minute, on all endpoints together
 * @param submissionsPerMinute jobs a user may submit a minute ({@code POST /api/jobs})
 * @param maxTrackedUsers how many users' limiters are kept at most; the least recently active are dropped
 * @param users limits of single users that differ from the defaults, by user id
 */
@ConfigurationProperties("jobstream.gateway.rate-limits")
record RateLimitProperties(
        @DefaultValue("100") int requestsPerMinute,
        @DefaultValue("10") int submissionsPerMinute,
        @DefaultValue("100000") long maxTrackedUsers,
        @DefaultValue Map<String, UserLimits> users) {

    RateLimitProperties {
        requirePositive("requests-per-minute", requestsPerMinute);
        requirePositive("submissions-per-minute", submissionsPerMinute);
        requirePositive("max-tracked-users", maxTrackedUsers);
        users = Map.copyOf(users);
    }

    /** The requests a minute a user may make. */
    int requestsPerMinute(String userId) {
        UserLimits own = users.get(userId);
        return own != null && own.requestsPerMinute() != null ? own.requestsPerMinute() : requestsPerMinute;
    }

    /** The submissions a minute a user may make. */
    int submissionsPerMinute(String userId) {
        UserLimits own = users.get(userId);
        return own != null && own.submissionsPerMinute() != null ? own.submissionsPerMinute()
                : submissionsPerMinute;
    }

    /**
     * The limits of one user; an absent value is the default.
     *
     * @param requestsPerMinute API requests a minute
     * @param submissionsPerMinute job submissions a minute
     */
    record UserLimits(@Nullable Integer requestsPerMinute, @Nullable Integer submissionsPerMinute) {

        UserLimits {
            if (requestsPerMinute != null) {
                requirePositive("users.*.requests-per-minute", requestsPerMinute);
            }
            if (submissionsPerMinute != null) {
                requirePositive("users.*.submissions-per-minute", submissionsPerMinute);
            }
        }
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(
                    "jobstream.gateway.rate-limits." + name + " must be positive, was " + value);
        }
    }
}
