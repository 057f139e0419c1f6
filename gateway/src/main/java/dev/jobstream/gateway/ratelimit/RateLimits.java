package dev.jobstream.gateway.ratelimit;

import dev.jobstream.gateway.caller.Caller;
import dev.jobstream.gateway.problem.Rejections;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Charges a user's requests and submissions against their limits and reports the quotas in the response: the
 * {@code RateLimit-Policy} and {@code RateLimit} fields of draft-ietf-httpapi-ratelimit-headers, one list item per
 * limit the request was charged to, and {@code Retry-After} when it is refused. The administrator is not limited.
 */
@Component
public class RateLimits {

    static final String POLICY_FIELD = "RateLimit-Policy";
    static final String STATE_FIELD = "RateLimit";
    static final String REQUESTS = "requests";
    static final String SUBMISSIONS = "submissions";

    private static final String CHARGED = RateLimits.class.getName() + ".charged";

    private final UserRateLimiters limiters;
    private final RateLimitProperties properties;
    private final Rejections rejections;

    RateLimits(UserRateLimiters limiters, RateLimitProperties properties, Rejections rejections) {
        this.limiters = limiters;
        this.properties = properties;
        this.rejections = rejections;
    }

    /**
     * Charges one API request to the caller's request limit.
     *
     * @throws RateLimitedException when the limit is used up
     */
    void chargeRequest(Caller caller, HttpServletRequest request, HttpServletResponse response) {
        charge(limiters.acquire(REQUESTS, caller.userId(), properties.requestsPerMinute(caller.userId())),
                Rejections.RATE_LIMIT, request, response);
    }

    /**
     * Charges one job submission to the caller's submission limit. Call it only for a submission that would
     * create a job: a replayed idempotent submission is not charged.
     *
     * @throws RateLimitedException when the limit is used up; no job may be created then
     */
    public void chargeSubmission(Caller caller, HttpServletRequest request, HttpServletResponse response) {
        if (caller.admin()) {
            return;
        }
        charge(limiters.acquire(SUBMISSIONS, caller.userId(), properties.submissionsPerMinute(caller.userId())),
                Rejections.SUBMISSION_LIMIT, request, response);
    }

    private void charge(Quota quota, String reason, HttpServletRequest request, HttpServletResponse response) {
        List<Quota> charged = chargedSoFar(request);
        charged.add(quota);
        response.setHeader(POLICY_FIELD, charged.stream().map(Quota::policyItem).collect(Collectors.joining(", ")));
        response.setHeader(STATE_FIELD, charged.stream().map(Quota::stateItem).collect(Collectors.joining(", ")));
        if (!quota.granted()) {
            rejections.count(reason);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(quota.resetSeconds()));
            throw new RateLimitedException(quota);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Quota> chargedSoFar(HttpServletRequest request) {
        Object charged = request.getAttribute(CHARGED);
        if (charged instanceof List<?> list) {
            return (List<Quota>) list;
        }
        List<Quota> fresh = new ArrayList<>();
        request.setAttribute(CHARGED, fresh);
        return fresh;
    }
}
