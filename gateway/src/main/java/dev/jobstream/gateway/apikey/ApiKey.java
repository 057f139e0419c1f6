package dev.jobstream.gateway.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An API key as the client holds it: {@code jsk_<id>_<secret>}, where the id is 16 hex digits that name the key
 * publicly and the secret is 256 random bits, URL-safe Base64. The gateway stores the id and the SHA-256 hash of
 * the whole key, never the key.
 *
 * @param id the public id, under which the key's hash is stored
 * @param text the whole key
 */
record ApiKey(String id, String text) {

    private static final Pattern FORMAT = Pattern.compile("jsk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SECRET_BYTES = 32;
    private static final int ID_BYTES = 8;

    /** A new random key. */
    static ApiKey generate() {
        byte[] id = new byte[ID_BYTES];
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        String idText = HexFormat.of().formatHex(id);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new ApiKey(idText, "jsk_" + idText + "_" + secretText);
    }

    /** The key a client presented, when it has the form of one. */
    static Optional<ApiKey> parse(String text) {
        Matcher matcher = FORMAT.matcher(text);
        return matcher.matches() ? Optional.of(new ApiKey(matcher.group(1), text)) : Optional.empty();
    }

    /** The SHA-256 hash of the key, which is what is stored. */
    byte[] hash() {
        return sha256(text);
    }

    /** Whether this key hashes to a stored hash, compared in constant time. */
    boolean matches(byte[] storedHash) {
        return MessageDigest.isEqual(hash(), storedHash);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("Every Java runtime has SHA-256", missing);
        }
    }

    @Override
    public String toString() {
        return "ApiKey[" + id + "]";
    }
}
