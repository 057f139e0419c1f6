package dev.jobstream.gateway.tracing;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Names the job of a {@code /api/jobs/{id}...} request in the {@link LogContext} before its handler runs.
 */
final class JobLogContextInterceptor implements HandlerInterceptor {

    private static final String JOB_PATHS = "/api/jobs/";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getRequestURI().startsWith(JOB_PATHS)
                && request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> vars
                && vars.get("id") instanceof String id) {
            jobId(id);
        }
        return true;
    }

    private static void jobId(String id) {
        try {
            LogContext.job(UUID.fromString(id));
        } catch (IllegalArgumentException notAJobId) {
            // The handler answers an id that is no UUID; there is no job to name.
        }
    }
}
