package dev.jobstream.contract;

import java.time.Instant;

/**
 * The state of one API key, published by the gateway on {@code api-keys} keyed by key id whenever the key is
 * issued or revoked, and again at every start of the gateway. It carries the key's hash, never the key.
 *
 * @param id the key's public id, the part of the key after {@code jsk_}
 * @param userId the user the key acts for
 * @param keyHash the SHA-256 hash of the whole key, lower-case hex ({@link ApiKeyFormat#sha256Hex})
 * @param revoked whether the key was revoked; a revoked key is never valid again
 * @param at when the key was issued or, if revoked, when it was revoked
 */
public record ApiKeyGrant(String id, String userId, String keyHash, boolean revoked, Instant at) {
}
