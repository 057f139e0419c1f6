package dev.jobstream.projector.dashboard;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.jobstream.projector.aggregate.StatusCounts;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the server sends a page over the WebSocket, as JSON with a {@code type} naming the kind of message.
 *
 * <p>A page first gets a {@code snapshot}, then a {@code delta} for each later change of a job it may show,
 * numbered by {@code seq}. A page that reconnects and names the epoch and the last {@code seq} it applied gets a
 * {@code resumed} message with every job that changed since, or a new {@code snapshot} when those changes are no
 * longer all kept. Each of these carries the jobs' counts by status as they are after it. {@code metrics} carry
 * the charts, pushed every few seconds; each replaces the one before.
 *
 * <p>In the {@code api-key} mode a page whose key is accepted is first told whose jobs it sees ({@code viewer});
 * a page whose key is refused, or revoked while it watches, gets an {@code error} and the connection is closed.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(ServerMessage.Snapshot.class),
    @JsonSubTypes.Type(ServerMessage.Changes.class),
    @JsonSubTypes.Type(ServerMessage.Resumed.class),
    @JsonSubTypes.Type(ServerMessage.Metrics.class),
    @JsonSubTypes.Type(ServerMessage.Signed.class),
    @JsonSubTypes.Type(ServerMessage.Refused.class)
})
sealed interface ServerMessage {

    /**
     * Everything a page shows, as of change {@code seq}.
     *
     * @param epoch names this run of the instance's change numbering; a page resumes only within one epoch
     * @param seq the latest change the snapshot includes
     * @param jobs the newest jobs the page's filter keeps, newest first
     * @param dead the newest dead jobs of the filter's owner and type that match its search, newest first
     * @param counts the jobs of the filter's owner and type by status
     */
    @JsonTypeName("snapshot")
    record Snapshot(String epoch, long seq, List<JobSummary> jobs, List<JobSummary> dead, StatusCounts counts)
            implements ServerMessage {
    }

    /**
     * One change: the jobs of the page's owner and type it touched, as they are now.
     *
     * @param seq the change's number
     * @param jobs the jobs
     * @param counts the jobs of the filter's owner and type by status, after the change
     */
    @JsonTypeName("delta")
    record Changes(long seq, List<JobSummary> jobs, StatusCounts counts) implements ServerMessage {
    }

    /**
     * Every job of the page's owner and type that changed after the position it resumed from, as it is now.
     *
     * @param seq the latest change included
     * @param jobs the jobs
     * @param counts the jobs of the filter's owner and type by status
     */
    @JsonTypeName("resumed")
    record Resumed(long seq, List<JobSummary> jobs, StatusCounts counts) implements ServerMessage {
    }

    /**
     * The charts, for the page's owner and type.
     *
     * @param at when they were read
     * @param minutes one point per minute of the window, oldest first; the last is the current minute so far
     * @param window the whole window at once
     */
    @JsonTypeName("metrics")
    record Metrics(Instant at, List<MinutePoint> minutes, WindowSummary window) implements ServerMessage {
    }

    /**
     * One minute of the charts.
     *
     * @param minute when it started
     * @param completedPerSecond attempts that succeeded, per second
     * @param failedPerSecond attempts that failed, retried or not, per second
     * @param avgMs the average duration of the done jobs
     * @param p95Ms their 95th percentile, from the histogram
     */
    record MinutePoint(Instant minute, double completedPerSecond, double failedPerSecond, @Nullable Long avgMs,
            @Nullable Long p95Ms) {
    }

    /**
     * The window's totals.
     *
     * @param done jobs done
     * @param failed attempts failed, retried or not
     * @param dead jobs that went to the dead-letter queue
     * @param avgMs the average duration of the done jobs
     * @param p95Ms their 95th percentile
     */
    record WindowSummary(long done, long failed, long dead, @Nullable Long avgMs, @Nullable Long p95Ms) {
    }

    /**
     * Whose jobs the page sees, once its key is accepted.
     *
     * @param userId the only owner whose jobs it sees; absent when it sees every user's
     * @param everyone whether it sees every user's jobs
     */
    @JsonTypeName("viewer")
    record Signed(@Nullable String userId, boolean everyone) implements ServerMessage {
    }

    /**
     * Why the server is about to close the connection.
     *
     * @param reason {@code unauthorized} (no key, or a key that is not valid), {@code revoked} (the key was revoked
     *     while the page watched), {@code unavailable} (the projector is still reading the keys; try again)
     * @param message the same for a person
     */
    @JsonTypeName("error")
    record Refused(String reason, String message) implements ServerMessage {
    }
}
