package dev.jobstream.projector.dashboard;

import dev.jobstream.contract.JobStatus;
import dev.jobstream.projector.aggregate.JobScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a viewer asked to see; a missing part means any.
 *
 * <p>The server filters the pushed changes by owner and type only. A job that leaves the chosen status, or stops
 * matching the search, still reaches the page, which then takes it off its table.
 *
 * <p>Limitation: a search by text has no index; it reads {@code readmodel.jobs} newest first until it has a
 * table's worth of matches, so a rare text on a large read model reads it all.
 *
 * @param userId jobs of this owner
 * @param type jobs of this type
 * @param status jobs in this status
 * @param search a job id, part of one, or text of the latest error message, ignoring case
 */
record JobFilter(@Nullable String userId, @Nullable String type, @Nullable JobStatus status,
        @Nullable String search) {

    /** Every job. */
    static final JobFilter ALL = new JobFilter(null, null, null, null);

    JobFilter {
        userId = blankToNull(userId);
        type = blankToNull(type);
        search = blankToNull(search);
    }

    /** The owner and type part, which the aggregates and the pushed changes are filtered by. */
    JobScope scope() {
        return new JobScope(userId, type);
    }

    /** Whether a job is of the filter's owner and type. */
    boolean inScope(JobSummary job) {
        return scope().contains(job.userId(), job.type());
    }

    /** This filter for another status. */
    JobFilter withStatus(JobStatus other) {
        return new JobFilter(userId, type, other, search);
    }

    /** The SQL conditions, joined by {@code and}, that keep the filter's rows of {@code readmodel.jobs}. */
    List<String> conditions() {
        List<String> conditions = new ArrayList<>(scope().conditions());
        if (status != null) {
            conditions.add("status = ?");
        }
        if (search != null) {
            conditions.add(searchedId().isPresent() ? "id = ?"
                    : "(id::text like ? or last_error ->> 'message' ilike ?)");
        }
        return conditions;
    }

    /** The values of {@link #conditions()}, in order. */
    List<Object> arguments() {
        List<Object> arguments = new ArrayList<>(scope().arguments());
        if (status != null) {
            arguments.add(status.wireName());
        }
        if (search != null) {
            Optional<UUID> id = searchedId();
            if (id.isPresent()) {
                arguments.add(id.get());
            } else {
                String literal = likeLiteral(search);
                arguments.add("%" + literal.toLowerCase(Locale.ROOT) + "%");
                arguments.add("%" + literal + "%");
            }
        }
        return arguments;
    }

    /** The search as a whole job id, if it is one. */
    private Optional<UUID> searchedId() {
        if (search == null || search.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(search));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /** The text with the wildcards of {@code like} escaped, so it matches only itself. */
    private static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
