package dev.jobstream.projector.aggregate;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which jobs an aggregate covers: those of one owner, of one type, or both; a missing part means any.
 *
 * @param userId the owner, or any
 * @param type the job type, or any
 */
public record JobScope(@Nullable String userId, @Nullable String type) {

    /** Every job. */
    public static final JobScope ALL = new JobScope(null, null);

    /** Whether a job of this owner and type is in the scope. */
    public boolean contains(@Nullable String jobUserId, @Nullable String jobType) {
        return (userId == null || userId.equals(jobUserId)) && (type == null || type.equals(jobType));
    }

    /** The SQL conditions, joined by {@code and}, that keep the scope's rows; empty for every job. */
    public List<String> conditions() {
        List<String> conditions = new ArrayList<>(2);
        if (userId != null) {
            conditions.add("user_id = ?");
        }
        if (type != null) {
            conditions.add("type = ?");
        }
        return conditions;
    }

    /** The values of {@link #conditions()}, in order. */
    public List<Object> arguments() {
        List<Object> arguments = new ArrayList<>(2);
        if (userId != null) {
            arguments.add(userId);
        }
        if (type != null) {
            arguments.add(type);
        }
        return arguments;
    }
}
