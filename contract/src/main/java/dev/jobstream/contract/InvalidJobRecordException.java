package dev.jobstream.contract;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A record on the {@code jobs} topic that is not a valid job: not JSON, no value, an unknown type, bad
 * parameters. Carries whatever could still be read of it, so its failure can be reported against an id.
 */
public class InvalidJobRecordException extends RuntimeException {

    /** The error type reported for records that are not valid jobs. */
    public static final String REASON = "invalid-job-record";

    private final UUID jobId;
    private final @Nullable String userId;
    private final @Nullable String type;

    public InvalidJobRecordException(String message, UUID jobId, @Nullable String userId, @Nullable String type) {
        super(message);
        this.jobId = jobId;
        this.userId = userId;
        this.type = type;
    }

    public UUID jobId() {
        return jobId;
    }

    public @Nullable String userId() {
        return userId;
    }

    public @Nullable String type() {
        return type;
    }
}
