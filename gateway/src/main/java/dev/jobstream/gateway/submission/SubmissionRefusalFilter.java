package dev.jobstream.gateway.submission;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the submissions refused before {@link JobSubmissionController} sees them, which the controller cannot
 * count itself: a body over the size limit (413, refused by the body size filter, which runs inside this one, or
 * while Spring reads the body) and a body that is not JSON (415, refused by Spring MVC's mapping).
 */
@Component
@Order(SubmissionRefusalFilter.ORDER)
class SubmissionRefusalFilter extends OncePerRequestFilter {

    /** Inside the tracing filters ({@code HIGHEST_PRECEDENCE + 2}), outside the body size filter ({@code + 4}). */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 3;

    private static final String PATH = "/api/jobs";

    private final SubmissionOutcomes outcomes;

    SubmissionRefusalFilter(SubmissionOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !(HttpMethod.POST.matches(request.getMethod())
                && PATH.equals(request.getRequestURI().substring(request.getContextPath().length())));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        outcomes.refusedUnread(response.getStatus());
    }
}
