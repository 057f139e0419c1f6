package dev.jobstream.gateway.caller;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Who a request acts for: a user, or the administrator, who acts for every user. A controller method takes one as
 * a parameter to require an authenticated caller.
 *
 * @param userId the user the request acts for; {@value #ADMIN_ID} for the administrator
 * @param admin whether the request carries the admin key
 */
public record Caller(String userId, boolean admin) {

    /** The header that names the caller in the {@code x-user-id} mode. */
    public static final String HEADER = "X-User-Id";

    /** The longest user id accepted. */
    public static final int MAX_LENGTH = 128;

    /** The name the administrator acts under, in the requests it publishes. */
    public static final String ADMIN_ID = "admin";

    /** A caller acting for one user. */
    public static Caller user(String userId) {
        return new Caller(userId, false);
    }

    /** The administrator. */
    public static Caller administrator() {
        return new Caller(ADMIN_ID, true);
    }

    /**
     * The caller a header names.
     *
     * @throws UnknownCallerException when the header is missing, blank, too long or holds control characters
     */
    public static Caller fromHeader(@Nullable String header) {
        if (header == null || header.isBlank()) {
            throw new UnknownCallerException("The " + HEADER + " header is required.");
        }
        if (!isUserId(header)) {
            throw new UnknownCallerException("The " + HEADER + " header must be at most " + MAX_LENGTH
                    + " characters without control characters.");
        }
        return user(header);
    }

    /** Whether a text may name a user: not blank, not too long, no control characters. */
    public static boolean isUserId(String text) {
        return !text.isBlank() && text.length() <= MAX_LENGTH && text.chars().noneMatch(Character::isISOControl);
    }

    /** The caller authenticated for a request, or {@code null} before or without authentication. */
    public static @Nullable Caller authenticated(HttpServletRequest request) {
        return request.getAttribute(CallerAuthentication.ATTRIBUTE) instanceof Caller caller ? caller : null;
    }

    /** Whether the caller may see and act on a job of the given owner. */
    public boolean mayAccess(@Nullable String owner) {
        return admin || userId.equals(owner);
    }

    /**
     * The user whose jobs a listing covers: always the caller's own for a user; for the administrator the user it
     * asks for, or every user when it asks for none.
     */
    public @Nullable String scope(@Nullable String requestedUser) {
        return admin ? requestedUser : userId;
    }
}
