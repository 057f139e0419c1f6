package dev.jobstream.projector.dashboard;

import org.jspecify.annotations.Nullable;

/**
 * Who watches the dashboard: a user, who sees only its own jobs, or someone who sees every user's, the
 * administrator or, in the {@code x-user-id} mode, anyone.
 *
 * @param userId the only owner whose jobs the viewer sees; {@code null} for every owner
 * @param keyId the API key the viewer presented, if a user's
 */
record Viewer(@Nullable String userId, @Nullable String keyId) {

    /** Someone who sees every user's jobs. */
    static final Viewer EVERYONE = new Viewer(null, null);

    /** A user, known by its key. */
    static Viewer user(String userId, String keyId) {
        return new Viewer(userId, keyId);
    }

    /** Whether the viewer sees every user's jobs. */
    boolean seesEveryone() {
        return userId == null;
    }

    /** The filter narrowed to what the viewer may see: a user's own jobs whichever owner it asked for. */
    JobFilter restrict(JobFilter requested) {
        return userId == null ? requested
                : new JobFilter(userId, requested.type(), requested.status(), requested.search());
    }

    /** Whether the viewer may see a job of the owner. */
    boolean maySee(@Nullable String owner) {
        return userId == null || userId.equals(owner);
    }
}
