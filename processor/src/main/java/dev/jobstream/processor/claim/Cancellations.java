package dev.jobstream.processor.claim;

import dev.jobstream.contract.JobControl;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code processor.cancellations} table: the jobs someone asked to cancel, per generation. Every processor
 * stores every cancellation it reads; the first one wins and the others change nothing. {@link JobClaims} consults
 * the table in the statement that claims attempts, so a cancelled job's later records are skipped without a query
 * of their own.
 */
@Repository
public class Cancellations {

    private static final String REMEMBER = """
            insert into processor.cancellations (job_id, generation, requested_at)
            select job_id, generation, requested_at::timestamptz
            from unnest(?::uuid[], ?::int[], ?::text[]) as request (job_id, generation, requested_at)
            on conflict (job_id, generation) do nothing
            """;

    private static final String DELETE_REQUESTED_BEFORE =
            "delete from processor.cancellations where requested_at < ?";

    private final JdbcTemplate jdbc;

    Cancellations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores cancel requests; requests stored before are left as they are. */
    public void remember(Collection<JobControl> requests) {
        if (requests.isEmpty()) {
            return;
        }
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(REMEMBER);
            statement.setArray(1, connection.createArrayOf("uuid",
                    requests.stream().map(JobControl::jobId).toArray(UUID[]::new)));
            statement.setArray(2, connection.createArrayOf("int4",
                    requests.stream().map(JobControl::generation).toArray(Integer[]::new)));
            statement.setArray(3, connection.createArrayOf("text",
                    requests.stream().map(request -> request.requestedAt().toString()).toArray(String[]::new)));
            return statement;
        });
    }

    /** Forgets cancellations requested before a moment; returns how many. */
    public int deleteRequestedBefore(Instant cutoff) {
        return jdbc.update(DELETE_REQUESTED_BEFORE, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
    }
}
