package dev.jobstream.gateway.limits;

import dev.jobstream.gateway.GatewayProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code jobstream.gateway.max-body-size} with 413: at once when the declared
 * {@code Content-Length} is too large, and while reading when a body without one (chunked) grows too large.
 * It runs inside the tracing filters, so that a refused request has its trace and {@code X-Trace-Id} too, and
 * inside the filter that counts refused submissions.
 */
@Component
@Order(BodySizeLimitFilter.ORDER)
class BodySizeLimitFilter extends OncePerRequestFilter {

    /** After the observation filter (+1), the trace header filter (+2) and the submission refusal counter (+3). */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 4;

    private final long maxBytes;

    BodySizeLimitFilter(GatewayProperties properties) {
        this.maxBytes = properties.maxBodySize().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            response.sendError(HttpStatus.CONTENT_TOO_LARGE.value(), new BodyTooLargeException(maxBytes).getMessage());
            return;
        }
        chain.doFilter(new SizeLimitedRequest(request, maxBytes), response);
    }
}
