package dev.jobstream.gateway.idempotency;

import org.jspecify.annotations.Nullable;

/**
 * A key as stored: the body it was first used with, and how far that submission got.
 *
 * @param requestHash the fingerprint of the first body
 * @param state {@code accepting} while a request publishes the key's job, {@code publish-failed} when Kafka did
 *     not acknowledge it, {@code accepted} once it did
 * @param response the response to replay, once accepted
 */
record StoredKey(String requestHash, String state, @Nullable String response) {

    static final String ACCEPTED = "accepted";

    /**
     * What a later submission with this key and the given body gets, when it could not take the key over.
     *
     * @throws IdempotencyKeyReusedException when the body differs
     * @throws IdempotencyKeyInUseException when another request is publishing the key's job right now
     */
    Claim claimBy(String otherRequestHash) {
        if (!requestHash.equals(otherRequestHash)) {
            throw new IdempotencyKeyReusedException();
        }
        if (!ACCEPTED.equals(state) || response == null) {
            throw new IdempotencyKeyInUseException();
        }
        return new Claim.Answered(response);
    }
}
