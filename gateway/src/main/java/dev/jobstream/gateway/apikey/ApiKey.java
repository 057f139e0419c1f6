package dev.jobstream.gateway.apikey;

import dev.jobstream.contract.ApiKeyFormat;
import java.util.Optional;

/**
 * An API key as the client holds it: {@code jsk_<id>_<secret>} ({@link ApiKeyFormat}). The gateway stores the id
 * and the SHA-256 hash of the whole key, never the key.
 *
 * @param id the public id, under which the key's hash is stored
 * @param text the whole key
 */
record ApiKey(String id, String text) {

    /** A new random key. */
    static ApiKey generate() {
        return parse(ApiKeyFormat.generate()).orElseThrow();
    }

    /** The key a client presented, when it has the form of one. */
    static Optional<ApiKey> parse(String text) {
        return ApiKeyFormat.idOf(text).map(id -> new ApiKey(id, text));
    }

    /** The SHA-256 hash of the key, which is what is stored. */
    byte[] hash() {
        return sha256(text);
    }

    /** Whether this key hashes to a stored hash, compared in constant time. */
    boolean matches(byte[] storedHash) {
        return ApiKeyFormat.matches(text, storedHash);
    }

    static byte[] sha256(String text) {
        return ApiKeyFormat.sha256(text);
    }

    @Override
    public String toString() {
        return "ApiKey[" + id + "]";
    }
}
