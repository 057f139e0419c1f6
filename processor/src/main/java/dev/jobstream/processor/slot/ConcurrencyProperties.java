package dev.jobstream.processor.slot;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The per-user concurrency limit, under {@code jobstream.processor.concurrency}.
 *
 * @param perUser how many jobs of one user may run at the same time, across all processor instances
 * @param users limits of single users that differ from {@code per-user}, by user id
 * @param leaseTtl how long a slot stays taken without renewal: how soon the slots of a processor that died free up
 * @param renewInterval how often a processor renews the leases of its running jobs; well below {@code lease-ttl}
 * @param retryInterval how often jobs waiting for a slot try again, besides whenever a local slot frees
 */
@ConfigurationProperties("jobstream.processor.concurrency")
public record ConcurrencyProperties(
        @DefaultValue("5") int perUser,
        @DefaultValue Map<String, Integer> users,
        @DefaultValue("15s") Duration leaseTtl,
        @DefaultValue("5s") Duration renewInterval,
        @DefaultValue("200ms") Duration retryInterval) {

    public ConcurrencyProperties {
        if (perUser < 1) {
            throw new IllegalArgumentException(
                    "jobstream.processor.concurrency.per-user must be at least 1, was " + perUser);
        }
        users = Map.copyOf(users);
        users.forEach((user, limit) -> {
            if (limit < 1) {
                throw new IllegalArgumentException("jobstream.processor.concurrency.users." + user
                        + " must be at least 1, was " + limit);
            }
        });
        positive("lease-ttl", leaseTtl);
        positive("renew-interval", renewInterval);
        positive("retry-interval", retryInterval);
        if (renewInterval.compareTo(leaseTtl) >= 0) {
            throw new IllegalArgumentException(
                    "jobstream.processor.concurrency.renew-interval must be shorter than lease-ttl");
        }
    }

    /** How many jobs of a user may run at the same time. */
    int limitOf(String userId) {
        return users.getOrDefault(userId, perUser);
    }

    private static void positive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(
                    "jobstream.processor.concurrency." + name + " must be positive, was " + value);
        }
    }
}
