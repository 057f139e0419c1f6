package dev.jobstream.processor.claim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstream.contract.JobIds;
import dev.jobstream.processor.WorkerId;
import dev.jobstream.testsupport.TestInfrastructure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Claims, finishing and clean-up of {@code processor.job_runs} against the shared test PostgreSQL, with the
 * processor's own migrations.
 */
class JobClaimsTest {

    private static final Instant CLAIMED = Instant.parse("2026-12-01T10:00:00Z");

    private static JdbcTemplate jdbc;

    @BeforeAll
    static void migrate() {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(infrastructure.jdbcUrl(),
                infrastructure.username(), infrastructure.password());
        Flyway.configure().dataSource(dataSource).schemas("processor").locations("classpath:db/processor").load()
                .migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    @Test
    void aFinishedAttemptIsNeverClaimedAgainUntilItIsCleanedUp() {
        // given
        JobRunKey finished = new JobRunKey(JobIds.newId(), 0, 1);
        JobRunKey running = new JobRunKey(JobIds.newId(), 0, 1);
        JobClaims worker = claimsAt(new WorkerId("worker-a"), CLAIMED);
        assertThat(taken(worker.claim(List.of(finished, running)), finished, running)).containsExactly(true, true);
        claimsAt(new WorkerId("worker-a"), CLAIMED.plusSeconds(1)).markFinished(List.of(finished));
        JobClaims other = claimsAt(new WorkerId("worker-b"), CLAIMED.plusSeconds(2));

        // when
        Claims beforeCleanup = other.claim(List.of(finished));
        int deletedTooEarly = other.deleteFinishedBefore(CLAIMED.plusMillis(500));
        int deleted = other.deleteFinishedBefore(CLAIMED.plus(Duration.ofHours(1)));
        Claims afterCleanup = other.claim(List.of(finished));

        // then
        assertThat(beforeCleanup.take(finished)).isFalse();
        assertThat(deletedTooEarly).isZero();
        assertThat(deleted).isEqualTo(1);
        assertThat(afterCleanup.take(finished)).isTrue();
        assertThat(jdbc.queryForObject("select worker_id from processor.job_runs where job_id = ?", String.class,
                running.jobId())).isEqualTo("worker-a");
    }

    private static List<Boolean> taken(Claims claims, JobRunKey... keys) {
        return java.util.Arrays.stream(keys).map(claims::take).toList();
    }

    private static JobClaims claimsAt(WorkerId worker, Instant now) {
        return new JobClaims(jdbc, worker, Clock.fixed(now, ZoneOffset.UTC));
    }
}
