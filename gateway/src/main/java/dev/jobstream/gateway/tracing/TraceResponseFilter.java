package dev.jobstream.gateway.tracing;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers every request with the id of its trace in {@code X-Trace-Id}, and clears the request's
 * {@link LogContext} when it ends. It runs inside Spring's HTTP observation filter, which opens the request's
 * span, so that the trace is known here.
 */
@Component
@Order(TraceResponseFilter.ORDER)
class TraceResponseFilter extends OncePerRequestFilter {

    /** The response header that carries the trace id. */
    static final String HEADER = "X-Trace-Id";

    /** Right after the observation filter, which has {@code HIGHEST_PRECEDENCE + 1}. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

    private final RequestTrace trace;

    TraceResponseFilter(RequestTrace trace) {
        this.trace = trace;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String traceId = trace.traceId();
        if (traceId != null) {
            response.setHeader(HEADER, traceId);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            LogContext.clear();
        }
    }
}
