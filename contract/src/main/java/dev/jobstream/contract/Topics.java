package dev.jobstream.contract;

/**
 * The Kafka topics the services talk through.
 */
public final class Topics {

    /** Job records to run: from the gateway, from programs publishing directly, and replays. */
    public static final String JOBS = "jobs";

    /** A {@link JobStatusEvent} for every change of every job, keyed by job id. */
    public static final String STATUS = "job-status";

    private Topics() {
    }
}
