package dev.jobstream.gateway.replay;

import dev.jobstream.gateway.GatewayProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The replays requested, in {@code gateway.replays}, one row per job and generation a replay starts.
 *
 * <p>A replay claims its generation with a single insert before it publishes, so of two concurrent replays of
 * one dead job exactly one may publish the next generation. The row is marked published once Kafka has the
 * record, and deleted again when Kafka did not take it. A row that was never marked published and is older than
 * twice the publish timeout belongs to a request that died with its gateway; the next replay takes it over.
 */
@Repository
class Replays {

    private static final String CLAIM = """
            insert into gateway.replays as r (job_id, generation, requested_at, published_at)
            values (:job, :generation, :now, null)
            on conflict (job_id, generation) do update set requested_at = excluded.requested_at
                where r.published_at is null and r.requested_at < :abandonedBefore
            returning r.job_id""";

    private static final String PUBLISHED = """
            update gateway.replays set published_at = :now where job_id = :job and generation = :generation""";

    private static final String RELEASE = """
            delete from gateway.replays
            where job_id = :job and generation = :generation and published_at is null""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration abandonedAfter;

    Replays(JdbcClient jdbc, Clock clock, GatewayProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.abandonedAfter = properties.publishTimeout().multipliedBy(2);
    }

    /** Claims the right to publish a generation of a job; false when another replay holds it. */
    boolean claim(UUID jobId, int generation) {
        Instant now = clock.instant();
        return jdbc.sql(CLAIM).param("job", jobId).param("generation", generation).param("now", timestamp(now))
                .param("abandonedBefore", timestamp(now.minus(abandonedAfter)))
                .query(UUID.class).optional().isPresent();
    }

    /** Records that the generation's record is on the {@code jobs} topic. */
    void published(UUID jobId, int generation) {
        jdbc.sql(PUBLISHED).param("job", jobId).param("generation", generation)
                .param("now", timestamp(clock.instant())).update();
    }

    /** Gives up a claim whose record Kafka did not take, so that the replay can be asked for again. */
    void release(UUID jobId, int generation) {
        jdbc.sql(RELEASE).param("job", jobId).param("generation", generation).update();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
