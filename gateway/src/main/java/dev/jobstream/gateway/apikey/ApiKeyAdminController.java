package dev.jobstream.gateway.apikey;

import dev.jobstream.contract.Violation;
import dev.jobstream.gateway.caller.AdminOnlyException;
import dev.jobstream.gateway.caller.Caller;
import dev.jobstream.gateway.problem.ProblemException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The administrator's endpoints for API keys, guarded by the admin key: {@code POST /api/admin/keys
 * {"user_id": ...}} issues a key and answers 201 with it, the only time it is shown; {@code GET /api/admin/keys}
 * lists every key without the key itself; {@code DELETE /api/admin/keys/{id}} revokes one.
 */
@RestController
class ApiKeyAdminController {

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyAdminController.class);
    private static final String USER_ID = "user_id";

    private final ApiKeys keys;

    ApiKeyAdminController(ApiKeys keys) {
        this.keys = keys;
    }

    @PostMapping(path = "/api/admin/keys", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IssuedKey> issue(Caller caller, @RequestBody(required = false) @Nullable JsonNode body) {
        requireAdmin(caller);
        IssuedKey issued = keys.issue(userIdOf(body));
        LOG.info("Issued API key {} for user {}", issued.id(), issued.userId());
        return ResponseEntity.created(URI.create("/api/admin/keys/" + issued.id())).body(issued);
    }

    @GetMapping(path = "/api/admin/keys", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, List<KeyView>> list(Caller caller) {
        requireAdmin(caller);
        return Map.of("items", keys.list());
    }

    @DeleteMapping(path = "/api/admin/keys/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    KeyView revoke(Caller caller, @PathVariable String id) {
        requireAdmin(caller);
        KeyView revoked = keys.revoke(id).orElseThrow(UnknownKeyException::new);
        LOG.info("Revoked API key {} of user {}", revoked.id(), revoked.userId());
        return revoked;
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.admin()) {
            throw new AdminOnlyException();
        }
    }

    private static String userIdOf(@Nullable JsonNode body) {
        JsonNode user = body != null ? body.get(USER_ID) : null;
        if (user == null || !user.isString() || !Caller.isUserId(user.asString())) {
            throw new InvalidKeyRequestException(new Violation(USER_ID, "must be a user id of 1 to "
                    + Caller.MAX_LENGTH + " characters without control characters"));
        }
        return user.asString();
    }

    /** A key request without a valid user: 422. */
    static final class InvalidKeyRequestException extends ProblemException {

        InvalidKeyRequestException(Violation violation) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid key request", "The request names no valid user.",
                    List.of(violation));
        }
    }

    /** A key id that was never issued: 404. */
    static final class UnknownKeyException extends ProblemException {

        UnknownKeyException() {
            super(HttpStatus.NOT_FOUND, "Key not found", "No API key has this id.");
        }
    }
}
