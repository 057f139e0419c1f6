package dev.jobstream.gateway.ratelimit;

import dev.jobstream.gateway.caller.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Charges every API request of a user to its request limit, after the caller is authenticated and before the
 * handler runs. Requests of the administrator, and CORS preflights, which carry no caller, are not charged.
 */
final class RequestRateLimit implements HandlerInterceptor {

    private final RateLimits limits;

    RequestRateLimit(RateLimits limits) {
        this.limits = limits;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Caller caller = Caller.authenticated(request);
        if (caller != null && !caller.admin()) {
            limits.chargeRequest(caller, request, response);
        }
        return true;
    }
}
