package dev.jobstream.gateway.ratelimit;

/**
 * The state of one user's limit after a request, as the {@code RateLimit} fields report it.
 *
 * @param policy the policy's name: {@code requests} or {@code submissions}
 * @param limit the quota per window
 * @param windowSeconds the window
 * @param remaining the quota left in the current window
 * @param resetSeconds seconds until the window ends and the quota is whole again, at least 1
 * @param granted whether the request was within the quota
 */
record Quota(String policy, int limit, long windowSeconds, int remaining, long resetSeconds, boolean granted) {

    /** This quota as an item of the {@code RateLimit-Policy} field. */
    String policyItem() {
        return "\"" + policy + "\";q=" + limit + ";w=" + windowSeconds;
    }

    /** This quota as an item of the {@code RateLimit} field. */
    String stateItem() {
        return "\"" + policy + "\";r=" + remaining + ";t=" + resetSeconds;
    }
}
