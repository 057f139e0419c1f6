package dev.jobstream.gateway.idempotency;

import org.jspecify.annotations.Nullable;

/**
 * The client's name for one logical submission, from the {@code Idempotency-Key} header.
 *
 * @param value the key as sent
 */
public record IdempotencyKey(String value) {

    /** The header that carries the key. */
    public static final String HEADER = "Idempotency-Key";

    /** The longest key accepted. */
    public static final int MAX_LENGTH = 255;

    /**
     * The key a header holds, or null when the request has none.
     *
     * @throws InvalidIdempotencyKeyException when the header is blank, too long or holds control characters
     */
    public static @Nullable IdempotencyKey fromHeader(@Nullable String header) {
        if (header == null) {
            return null;
        }
        if (header.isBlank() || header.length() > MAX_LENGTH || header.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidIdempotencyKeyException();
        }
        return new IdempotencyKey(header);
    }
}
