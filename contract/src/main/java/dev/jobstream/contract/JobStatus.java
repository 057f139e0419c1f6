package dev.jobstream.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a job is in its life. On the wire and in the API a status is its lower-case name.
 */
public enum JobStatus {

    /** Accepted and waiting for a worker. */
    PENDING,
    /** A worker is running an attempt. */
    RUNNING,
    /** An attempt failed and the next one waits for its backoff to pass. */
    RETRYING,
    /** Finished successfully. */
    DONE,
    /** Finished unsuccessfully and will not be tried again. */
    FAILED,
    /** Out of retries; parked in the dead-letter queue until replayed or discarded. */
    DEAD,
    /** Stopped on request before it finished. */
    CANCELLED,
    /** A dead job an operator chose to drop; kept for its history. */
    DISCARDED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static JobStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** Whether no worker will ever run this job again without an operator's action. */
    public boolean isSettled() {
        return this == DONE || this == FAILED || this == DEAD || this == CANCELLED || this == DISCARDED;
    }
}
