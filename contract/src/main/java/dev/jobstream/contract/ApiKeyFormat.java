package dev.jobstream.contract;

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
 * The form of an API key, {@code jsk_<id>_<secret>}, where the id is 16 hex digits that name the key publicly and
 * the secret is 256 random bits, URL-safe Base64; and the hash under which a key is known, SHA-256 of the whole
 * key. The gateway issues keys in this form and the projector checks them against the hashes the gateway
 * publishes, so both read keys alike.
 */
public final class ApiKeyFormat {

    private static final Pattern FORMAT = Pattern.compile("jsk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SECRET_BYTES = 32;
    private static final int ID_BYTES = 8;

    private ApiKeyFormat() {
    }

    /** A new random key. */
    public static String generate() {
        byte[] id = new byte[ID_BYTES];
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        return "jsk_" + HexFormat.of().formatHex(id) + "_"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** The id of a key, when the text has the form of one. */
    public static Optional<String> idOf(String text) {
        Matcher matcher = FORMAT.matcher(text);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The SHA-256 hash of a key. */
    public static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("Every Java runtime has SHA-256", missing);
        }
    }

    /** The SHA-256 hash of a key in lower-case hex, as {@link ApiKeyGrant} carries it. */
    public static String sha256Hex(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    /** Whether a key hashes to a known hash, compared in constant time. */
    public static boolean matches(String key, byte[] knownHash) {
        return MessageDigest.isEqual(sha256(key), knownHash);
    }
}
