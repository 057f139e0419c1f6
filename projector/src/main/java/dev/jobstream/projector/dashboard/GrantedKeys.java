package dev.jobstream.projector.dashboard;

import dev.jobstream.contract.ApiKeyFormat;
import dev.jobstream.contract.ApiKeyGrant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * The API keys the gateway issued, as read from {@code api-keys}: each key's user and hash, and whether it is
 * revoked. A revocation, once seen, stands: a key is never valid again.
 */
@Component
class GrantedKeys {

    private final Map<String, Known> keys = new ConcurrentHashMap<>();
    private final List<Consumer<String>> revocationListeners = new CopyOnWriteArrayList<>();
    private volatile boolean caughtUp;

    /**
     * Takes in the latest state of a key.
     *
     * @throws IllegalArgumentException when its hash is not hex
     */
    void apply(ApiKeyGrant grant) {
        byte[] hash = HexFormat.of().parseHex(grant.keyHash());
        Known before = keys.get(grant.id());
        boolean revoked = grant.revoked() || before != null && before.revoked();
        keys.put(grant.id(), new Known(grant.userId(), hash, revoked));
        if (revoked && (before == null || !before.revoked())) {
            revocationListeners.forEach(listener -> listener.accept(grant.id()));
        }
    }

    /** Forgets a key whose record was deleted from the topic; it is refused from now on. */
    void forget(String keyId) {
        if (keys.remove(keyId) != null) {
            revocationListeners.forEach(listener -> listener.accept(keyId));
        }
    }

    /**
     * The user a presented key stands for.
     *
     * @return empty when the text is not a key, is not known, is revoked, or does not match its hash
     */
    Optional<String> userOf(String presented) {
        return ApiKeyFormat.idOf(presented).map(keys::get)
                .filter(known -> !known.revoked() && ApiKeyFormat.matches(presented, known.hash()))
                .map(Known::userId);
    }

    /** Whether every key granted before this projector started has been read. */
    boolean caughtUp() {
        return caughtUp;
    }

    void markCaughtUp() {
        caughtUp = true;
    }

    /** Calls the listener with the id of every key revoked from now on. */
    void onRevoked(Consumer<String> listener) {
        revocationListeners.add(listener);
    }

    private record Known(String userId, byte[] hash, boolean revoked) {
    }
}
