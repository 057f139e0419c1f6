package dev.jobstream.gateway.idempotency;

import org.jspecify.annotations.Nullable;

/**
 * A key as stored: the body it was first used with, and how far that submission got.
 *
 * @param requestHash the fingerprint of the first body
 * @param state {@code accepting} while the first job is being published, {@code accepted} after
 * @param response the response to replay, once accepted
 */
record StoredKey(String requestHash, String state, @Nullable String response) {

    /** What a later submission with this key and the given body gets. */
    Claim claimBy(String otherRequestHash) {
        if (!requestHash.equals(otherRequestHash)) {
            throw new IdempotencyKeyReusedException();
        }
        if (!"accepted".equals(state) || response == null) {
            throw new IdempotencyKeyInUseException();
        }
        return Claim.replay(response);
    }
}
