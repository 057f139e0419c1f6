package dev.jobstream.gateway.caller;

import dev.jobstream.gateway.apikey.ApiKeys;
import dev.jobstream.gateway.problem.Rejections;
import dev.jobstream.gateway.tracing.LogContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Finds out who an API request acts for, before its handler runs, and keeps the {@link Caller} with the request.
 * A bearer token equal to the admin key makes the administrator, in either mode. Otherwise the {@code x-user-id}
 * mode trusts the {@code X-User-Id} header, and the {@code api-key} mode looks the bearer key up, ignoring
 * {@code X-User-Id}. A request that proves no caller is refused with 401 and {@code WWW-Authenticate: Bearer}.
 * The admin endpoints accept the administrator only.
 */
final class CallerAuthentication implements HandlerInterceptor {

    /** The request attribute that holds the authenticated {@link Caller}. */
    static final String ATTRIBUTE = Caller.class.getName();

    private static final String BEARER = "Bearer ";
    private static final String ADMIN_PATHS = "/api/admin/";

    private final AuthProperties properties;
    private final ApiKeys keys;
    private final Rejections rejections;
    private final byte @Nullable [] adminKey;

    CallerAuthentication(AuthProperties properties, ApiKeys keys, Rejections rejections) {
        this.properties = properties;
        this.keys = keys;
        this.rejections = rejections;
        String admin = properties.adminKey();
        this.adminKey = admin != null ? admin.getBytes(StandardCharsets.UTF_8) : null;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (CorsUtils.isPreFlightRequest(request)) {
            return true;
        }
        Caller caller;
        try {
            caller = authenticate(request);
        } catch (UnknownCallerException unknown) {
            rejections.count(Rejections.UNAUTHENTICATED);
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            throw unknown;
        }
        if (request.getRequestURI().startsWith(ADMIN_PATHS) && !caller.admin()) {
            rejections.count(Rejections.NOT_ADMIN);
            throw new AdminOnlyException();
        }
        request.setAttribute(ATTRIBUTE, caller);
        LogContext.user(caller.userId());
        return true;
    }

    private Caller authenticate(HttpServletRequest request) {
        String bearer = bearerToken(request);
        if (bearer != null && isAdminKey(bearer)) {
            return Caller.administrator();
        }
        if (!properties.apiKeys()) {
            return Caller.fromHeader(request.getHeader(Caller.HEADER));
        }
        if (bearer == null) {
            throw new UnknownCallerException("Send an API key as Authorization: Bearer <key>.");
        }
        Optional<String> user = keys.userOf(bearer);
        return user.map(Caller::user)
                .orElseThrow(() -> new UnknownCallerException("The API key is not valid or was revoked."));
    }

    private boolean isAdminKey(String bearer) {
        return adminKey != null && MessageDigest.isEqual(adminKey, bearer.getBytes(StandardCharsets.UTF_8));
    }

    private static @Nullable String bearerToken(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).strip();
        return token.isEmpty() ? null : token;
    }
}
