package dev.jobstream.gateway.idempotency;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of claiming a key: either the caller now owns it and goes on to accept its job, or the key
 * already stands for an accepted job, whose response is to be replayed.
 *
 * @param storedResponse the response of the earlier submission, or null when the key was granted
 */
public record Claim(@Nullable String storedResponse) {

    static Claim granted() {
        return new Claim(null);
    }

    static Claim replay(String response) {
        return new Claim(response);
    }

    public boolean isGranted() {
        return storedResponse == null;
    }
}
