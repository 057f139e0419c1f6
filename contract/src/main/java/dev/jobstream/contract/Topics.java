package dev.jobstream.contract;

/**
 * The Kafka topics the services talk through.
 */
public final class Topics {

    /** Job records to run: from the gateway, from programs publishing directly, and replays. */
    public static final String JOBS = "jobs";

    /** A {@link JobStatusEvent} for every change of every job, keyed by job id. */
    public static final String STATUS = "job-status";

    /**
     * Prefix of the retry topics: a failed attempt waits out its backoff in {@code jobs-retry-<tier>} before it is
     * run again. The tiers are the processor's configuration.
     */
    public static final String RETRY_PREFIX = "jobs-retry-";

    /** Jobs that ran out of retries, or records that can never be run, with the reason in headers. */
    public static final String DEAD_LETTER = "jobs-dlq";

    /** Requests to change a job from outside the processor: cancel, discard. Keyed by job id. */
    public static final String CONTROL = "job-control";

    /**
     * An {@link ApiKeyGrant} for every API key the gateway issued, keyed by key id and compacted, so that it holds
     * the latest state of every key: the projector learns from it which keys its dashboard accepts.
     */
    public static final String API_KEYS = "api-keys";

    private Topics() {
    }
}
