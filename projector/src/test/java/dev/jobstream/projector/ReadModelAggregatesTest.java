package dev.jobstream.projector;

import static dev.jobstream.projector.TestJobs.CREATED_AT;
import static dev.jobstream.projector.TestJobs.cancelled;
import static dev.jobstream.projector.TestJobs.dead;
import static dev.jobstream.projector.TestJobs.done;
import static dev.jobstream.projector.TestJobs.retrying;
import static dev.jobstream.projector.TestJobs.running;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.JobIds;
import dev.jobstream.contract.JobRecord;
import dev.jobstream.contract.JobStatusEvent;
import dev.jobstream.projector.readmodel.JobChange;
import dev.jobstream.projector.readmodel.JobSubmitted;
import dev.jobstream.projector.readmodel.ReadModelProjector;
import dev.jobstream.projector.readmodel.StatusChanged;
import dev.jobstream.testsupport.TestInfrastructure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The aggregates the projector keeps beside the rows ({@code readmodel.job_counts}, {@code readmodel.job_minutes})
 * agree with the rows and their history, however the changes are batched, repeated or interleaved.
 */
@SpringBootTest(properties = "spring.config.name=projector")
class ReadModelAggregatesTest {

    private static final Instant STARTED = CREATED_AT.plusSeconds(1);
    private static final Instant FINISHED = CREATED_AT.plusSeconds(3);

    @Autowired
    private ReadModelProjector projector;

    @Autowired
    private JdbcTemplate jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        registry.add("spring.kafka.bootstrap-servers", infrastructure::bootstrapServers);
        registry.add("spring.datasource.url", infrastructure::jdbcUrl);
        registry.add("spring.datasource.username", infrastructure::username);
        registry.add("spring.datasource.password", infrastructure::password);
    }

    @Test
    void countsAndMinutesAgreeWithTheRowsAndTheHistory() {
        String user = "aggregates-" + JobIds.newId();
        List<List<JobChange>> batches = mixedLifecycles(user);

        batches.forEach(projector::project);

        assertThat(countsByStatus(user)).isEqualTo(rowsByStatus(user)).containsEntry("done", 4L)
                .containsEntry("dead", 1L).containsEntry("cancelled", 1L).containsEntry("pending", 1L);
        assertThat(minuteTotals(user)).isEqualTo(historyTotals(user));
        assertThat(minuteTotals(user)).containsEntry("submitted", 7L).containsEntry("done", 4L)
                .containsEntry("retried", 1L).containsEntry("dead", 2L).containsEntry("cancelled", 1L)
                .containsEntry("duration_count", 4L).containsEntry("duration_sum_ms", 8_000L);
    }

    @Test
    void batchesDeliveredAgainCountNothingMore() {
        String user = "redelivered-" + JobIds.newId();
        List<List<JobChange>> batches = mixedLifecycles(user);
        batches.forEach(projector::project);
        Map<String, Long> counts = countsByStatus(user);
        Map<String, Long> minutes = minuteTotals(user);

        batches.forEach(projector::project);
        projector.project(batches.stream().flatMap(List::stream).toList());

        assertThat(countsByStatus(user)).isEqualTo(counts);
        assertThat(minuteTotals(user)).isEqualTo(minutes);
    }

    @Test
    void concurrentBatchesOfTheSameJobsNeitherDeadlockNorMiscount() {
        String user = "concurrent-" + JobIds.newId();
        List<JobChange> changes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            JobRecord job = aJobOf(user, i % 2 == 0 ? "sleep" : "compute");
            changes.addAll(List.of(new JobSubmitted(job), status(running(job, STARTED)),
                    status(done(job, STARTED, FINISHED))));
        }

        CompletableFuture.allOf(Stream.of(1L, 2L, 3L)
                .map(seed -> CompletableFuture.runAsync(() -> projectShuffled(changes, seed)))
                .toArray(CompletableFuture[]::new)).join();

        assertThat(countsByStatus(user)).isEqualTo(rowsByStatus(user)).isEqualTo(Map.of("done", 200L));
        assertThat(minuteTotals(user)).isEqualTo(historyTotals(user)).containsEntry("submitted", 200L);
    }

    /** Seven jobs of the user: finished in one batch or over several, events before their record, retried, etc. */
    private static List<List<JobChange>> mixedLifecycles(String user) {
        JobRecord quick = aJobOf(user, "sleep");
        JobRecord stepwise = aJobOf(user, "sleep");
        JobRecord eventsFirst = aJobOf(user, "compute");
        JobRecord failing = aJobOf(user, "fail");
        JobRecord retry = failing.nextAttempt(FINISHED.plusSeconds(1), FINISHED);
        JobRecord stopped = aJobOf(user, "sleep");
        JobRecord waiting = aJobOf(user, "default");
        JobRecord replayed = aJobOf(user, "fail");
        JobRecord replay = replayed.replayed();
        Instant later = FINISHED.plusSeconds(60);
        return List.of(
                List.of(new JobSubmitted(quick), status(running(quick, STARTED)),
                        status(done(quick, STARTED, FINISHED)), new JobSubmitted(stepwise),
                        status(running(eventsFirst, STARTED)), status(done(eventsFirst, STARTED, FINISHED)),
                        new JobSubmitted(failing), status(running(failing, STARTED)),
                        status(retrying(failing, STARTED, FINISHED, retry.notBefore())), new JobSubmitted(retry),
                        status(running(retry, later)), status(dead(retry, later, later.plusSeconds(1)))),
                List.of(status(running(stepwise, STARTED)), new JobSubmitted(stopped), new JobSubmitted(waiting),
                        new JobSubmitted(replayed), status(running(replayed, STARTED)),
                        status(dead(replayed, STARTED, FINISHED))),
                List.of(new JobSubmitted(eventsFirst), status(done(stepwise, STARTED, FINISHED)),
                        status(cancelled(stopped, FINISHED)), new JobSubmitted(replay),
                        status(running(replay, later)), status(done(replay, later, later.plusSeconds(2)))));
    }

    private void projectShuffled(List<JobChange> changes, long seed) {
        List<JobChange> shuffled = new ArrayList<>(changes);
        Collections.shuffle(shuffled, new Random(seed));
        for (int from = 0; from < shuffled.size(); from += 50) {
            projector.project(shuffled.subList(from, Math.min(shuffled.size(), from + 50)));
        }
    }

    private static JobRecord aJobOf(String user, String type) {
        return JobRecord.accepted(JobIds.newId(), user, JobCodec.mapper().createObjectNode().put("type", type), 3,
                CREATED_AT, null);
    }

    private static StatusChanged status(JobStatusEvent event) {
        return new StatusChanged(event);
    }

    private Map<String, Long> countsByStatus(String user) {
        return byStatus("select status, sum(count) as jobs from readmodel.job_counts where user_id = ? "
                + "group by status having sum(count) <> 0", user);
    }

    private Map<String, Long> rowsByStatus(String user) {
        return byStatus("select status, count(*) as jobs from readmodel.jobs where user_id = ? group by status", user);
    }

    private Map<String, Long> byStatus(String sql, String user) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query(sql, rows -> {
            counts.put(rows.getString("status"), rows.getLong("jobs"));
        }, user);
        return counts;
    }

    private Map<String, Long> minuteTotals(String user) {
        return jdbc.queryForMap("""
                select coalesce(sum(submitted), 0) as submitted, coalesce(sum(done), 0) as done,
                       coalesce(sum(retried), 0) as retried, coalesce(sum(dead), 0) as dead,
                       coalesce(sum(cancelled), 0) as cancelled, coalesce(sum(duration_count), 0) as duration_count,
                       coalesce(sum(duration_sum_ms), 0) as duration_sum_ms,
                       coalesce(sum((select sum(bucket) from unnest(duration_histogram) as bucket)), 0) as histogram
                from readmodel.job_minutes where user_id = ?""", user).entrySet().stream()
                .collect(TreeMap::new, (map, entry) -> map.put(entry.getKey(),
                        ((Number) entry.getValue()).longValue()), Map::putAll);
    }

    /** What the minutes should add up to, counted from the rows and the history instead. */
    private Map<String, Long> historyTotals(String user) {
        return jdbc.queryForMap("""
                select (select count(*) from readmodel.jobs where user_id = ? and created_at is not null) as submitted,
                       count(*) filter (where events.status = 'done') as done,
                       count(*) filter (where events.status = 'retrying') as retried,
                       count(*) filter (where events.status = 'dead') as dead,
                       count(*) filter (where events.status = 'cancelled') as cancelled,
                       count(*) filter (where events.status = 'done' and events.started_at is not null)
                           as duration_count,
                       coalesce(sum(extract(epoch from events.occurred_at - events.started_at) * 1000)
                                filter (where events.status = 'done'), 0)::bigint as duration_sum_ms,
                       count(*) filter (where events.status = 'done' and events.started_at is not null) as histogram
                from readmodel.job_events events join readmodel.jobs jobs on jobs.id = events.job_id
                where jobs.user_id = ?""", user, user).entrySet().stream()
                .collect(TreeMap::new, (map, entry) -> map.put(entry.getKey(),
                        ((Number) entry.getValue()).longValue()), Map::putAll);
    }
}
