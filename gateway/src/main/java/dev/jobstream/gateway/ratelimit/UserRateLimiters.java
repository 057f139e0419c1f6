package dev.jobstream.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * One resilience4j {@link RateLimiter} per user and kind of limit, each allowing its quota per fixed one-minute
 * window, kept in a bounded Caffeine cache. A limiter unused for two windows is dropped: its quota would be whole
 * again anyway.
 *
 * <p>Limitation: rate limits are counted per gateway instance; two instances allow twice the quota.
 *
 * <p>Limitation: when more users are active within two minutes than {@code max-tracked-users}, the least recently
 * active users' limiters are dropped and their quota starts afresh.
 */
@Component
class UserRateLimiters {

    static final Duration WINDOW = Duration.ofMinutes(1);

    private static final long NANOS_PER_SECOND = Duration.ofSeconds(1).toNanos();

    private final Cache<Key, Window> windows;
    private final Supplier<Long> nanoTime;

    UserRateLimiters(RateLimitProperties properties) {
        this.windows = Caffeine.newBuilder().maximumSize(properties.maxTrackedUsers())
                .expireAfterAccess(WINDOW.multipliedBy(2)).build();
        this.nanoTime = System::nanoTime;
    }

    /** Takes one unit of a user's quota of a kind, when there is one left. */
    Quota acquire(String policy, String userId, int limit) {
        Window window = windows.get(new Key(policy, userId), key -> newWindow(limit));
        boolean granted = window.limiter().acquirePermission();
        int remaining = Math.max(0, window.limiter().getMetrics().getAvailablePermissions());
        return new Quota(policy, limit, WINDOW.toSeconds(), remaining, window.secondsToReset(nanoTime.get()), granted);
    }

    private Window newWindow(int limit) {
        RateLimiterConfig config = RateLimiterConfig.custom().limitForPeriod(limit).limitRefreshPeriod(WINDOW)
                .timeoutDuration(Duration.ZERO).build();
        long start = nanoTime.get();
        return new Window(RateLimiter.of("user-limit", config, Map.of(), nanoTime), start);
    }

    private record Key(String policy, String userId) {
    }

    /**
     * A user's limiter, and when its first window started: windows follow each other from there.
     */
    private record Window(RateLimiter limiter, long startNanos) {

        long secondsToReset(long now) {
            long period = WINDOW.toNanos();
            long left = period - Math.floorMod(now - startNanos, period);
            return Math.max(1, (left + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
        }
    }
}
