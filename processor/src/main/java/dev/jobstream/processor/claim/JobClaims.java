package dev.jobstream.processor.claim;

import dev.jobstream.processor.WorkerId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code processor.job_runs} table: which worker runs or ran which attempt.
 *
 * <p>A record may be delivered again after a rebalance or a restart, and the jobs topic may hold one job twice.
 * Before an attempt runs, its worker claims it; a claim succeeds for a new attempt, and for an unfinished one
 * whose claim belongs to another worker id, which can only be a processor that stopped without finishing it.
 * A finished attempt is never claimed again, and no attempt of a job cancelled in its generation (see
 * {@link Cancellations}) is claimed at all; the same statement reports those.
 */
@Repository
public class JobClaims {

    private static final String CLAIM = """
            with asked as (
                select run.job_id, run.generation, run.attempt,
                    exists (select 1 from processor.cancellations cancellation
                            where cancellation.job_id = run.job_id
                              and cancellation.generation = run.generation) as cancelled
                from unnest(?::uuid[], ?::int[], ?::int[]) as run (job_id, generation, attempt)
            ), claimed as (
                insert into processor.job_runs as existing (job_id, generation, attempt, worker_id, claimed_at)
                select job_id, generation, attempt, ?::text, ?::timestamptz from asked where not cancelled
                on conflict (job_id, generation, attempt) do update
                    set worker_id = excluded.worker_id, claimed_at = excluded.claimed_at
                    where existing.finished_at is null and existing.worker_id <> excluded.worker_id
                returning job_id, generation, attempt
            )
            select job_id, generation, attempt, false as cancelled from claimed
            union all
            select job_id, generation, attempt, true from asked where cancelled
            """;

    private static final String MARK_FINISHED = """
            update processor.job_runs set finished_at = ?::timestamptz
            where (job_id, generation, attempt) in (select * from unnest(?::uuid[], ?::int[], ?::int[]))
            """;

    private static final String RELEASE = """
            delete from processor.job_runs
            where worker_id = ?::text and finished_at is null
              and (job_id, generation, attempt) in (select * from unnest(?::uuid[], ?::int[], ?::int[]))
            """;

    /** An attempt is claimed before it finishes, so the index on claimed_at narrows the search. */
    private static final String DELETE_FINISHED_BEFORE = """
            delete from processor.job_runs where claimed_at < ?::timestamptz and finished_at < ?::timestamptz""";

    private final JdbcTemplate jdbc;
    private final WorkerId workerId;
    private final Clock clock;

    JobClaims(JdbcTemplate jdbc, WorkerId workerId, Clock clock) {
        this.jdbc = jdbc;
        this.workerId = workerId;
        this.clock = clock;
    }

    /**
     * Claims attempts for this worker, and finds those of cancelled jobs, in one statement.
     *
     * @param keys distinct attempts
     * @return the attempts this worker now owns and should run, and those whose job was cancelled; the others ran
     *     already or run here already
     */
    public Claims claim(Collection<JobRunKey> keys) {
        if (keys.isEmpty()) {
            return Claims.none();
        }
        Set<JobRunKey> claimed = new HashSet<>();
        Set<JobRunKey> cancelled = new HashSet<>();
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(CLAIM);
            bindKeys(connection, statement, 1, keys);
            statement.setString(4, workerId.value());
            statement.setObject(5, timestamp(clock.instant()));
            return statement;
        }, row -> {
            JobRunKey key = new JobRunKey(row.getObject(1, UUID.class), row.getInt(2), row.getInt(3));
            (row.getBoolean(4) ? cancelled : claimed).add(key);
        });
        return new Claims(claimed, cancelled);
    }

    /** Records that attempts finished: their final status event was acknowledged. */
    public void markFinished(Collection<JobRunKey> keys) {
        if (keys.isEmpty()) {
            return;
        }
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(MARK_FINISHED);
            statement.setObject(1, timestamp(clock.instant()));
            bindKeys(connection, statement, 2, keys);
            return statement;
        });
    }

    /** Gives up this worker's unfinished claims, so the attempts can run again wherever they are delivered. */
    public void release(Collection<JobRunKey> keys) {
        if (keys.isEmpty()) {
            return;
        }
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(RELEASE);
            statement.setString(1, workerId.value());
            bindKeys(connection, statement, 2, keys);
            return statement;
        });
    }

    /** Forgets attempts that finished before a moment; returns how many. */
    public int deleteFinishedBefore(Instant cutoff) {
        return jdbc.update(DELETE_FINISHED_BEFORE, timestamp(cutoff), timestamp(cutoff));
    }

    private static void bindKeys(Connection connection, PreparedStatement statement, int first,
            Collection<JobRunKey> keys) throws SQLException {
        statement.setArray(first, connection.createArrayOf("uuid",
                keys.stream().map(JobRunKey::jobId).toArray(UUID[]::new)));
        statement.setArray(first + 1, connection.createArrayOf("int4",
                keys.stream().map(JobRunKey::generation).toArray(Integer[]::new)));
        statement.setArray(first + 2, connection.createArrayOf("int4",
                keys.stream().map(JobRunKey::attempt).toArray(Integer[]::new)));
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
