package dev.jobstream.processor.slot;

import static dev.jobstream.contract.JobStatus.DONE;
import static dev.jobstream.contract.JobStatus.RETRYING;
import static dev.jobstream.contract.JobStatus.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jobstream.contract.JobStatusEvent;
import dev.jobstream.processor.JobsTopic;
import dev.jobstream.processor.StatusEvents;
import dev.jobstream.processor.TestJob;
import dev.jobstream.processor.TestProcessors;
import dev.jobstream.testsupport.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two processors share the per-user limit of 5 running jobs: a user's further jobs wait for a slot and start when
 * one frees, other users' jobs start at once, and the slots of a processor that died free up when their leases
 * run out.
 */
class UserConcurrencyLimitTest {

    private static final int PARTITIONS = 6;
    private static final int LIMIT = 5;
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String RENEW_EVERY_SECOND = "--jobstream.processor.concurrency.renew-interval=1s";

    private static final TestInfrastructure INFRASTRUCTURE = TestInfrastructure.shared();
    private static final List<ConfigurableApplicationContext> PROCESSORS = new ArrayList<>();

    @BeforeAll
    static void startTwoProcessors() {
        PROCESSORS.add(TestProcessors.start("--jobstream.processor.revoke-grace=1s", RENEW_EVERY_SECOND));
        PROCESSORS.add(TestProcessors.start("--jobstream.processor.revoke-grace=1s", RENEW_EVERY_SECOND));
    }

    @AfterAll
    static void stopProcessors() {
        PROCESSORS.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void neverMoreThanFiveJobsOfOneUserRunAtOnceAndOtherUsersAreNotHeldBack() throws Exception {
        String busyUser = "busy-" + UUID.randomUUID();
        List<TestJob> sleeps = IntStream.range(0, 20).mapToObj(i -> TestJob.sleep(2).forUser(busyUser)).toList();
        TestJob otherUsersJob = TestJob.sleep(1).forUser("other-" + UUID.randomUUID());
        try (JobsTopic jobs = new JobsTopic(INFRASTRUCTURE.bootstrapServers());
                StatusEvents events = new StatusEvents(INFRASTRUCTURE.bootstrapServers())) {

            IntStream.range(0, sleeps.size()).forEach(i -> jobs.publish(i % PARTITIONS, sleeps.get(i)));
            jobs.publish(0, otherUsersJob);

            await().atMost(PATIENCE).until(() -> sleeps.stream().allMatch(job -> events.first(job.id(), DONE)
                    .isPresent()) && events.first(otherUsersJob.id(), DONE).isPresent());
            List<JobStatusEvent> done = sleeps.stream().map(job -> events.first(job.id(), DONE).orElseThrow())
                    .toList();
            assertThat(mostRunningAtOnce(done)).isBetween(2, LIMIT);
            assertThat(done).allSatisfy(event -> assertThat(event.attempt()).isEqualTo(1));
            assertThat(sleeps).allSatisfy(job -> assertThat(events.of(job.id(), RETRYING)).isEmpty());
            Instant lastBusyStart = done.stream().map(JobStatusEvent::startedAt).max(Comparator.naturalOrder())
                    .orElseThrow();
            assertThat(events.first(otherUsersJob.id(), RUNNING).orElseThrow().occurredAt())
                    .isBefore(lastBusyStart);
        }
    }

    @Test
    void slotsOfEndedJobsGoToTheUsersNextJobsWithoutNewLeases() throws Exception {
        String user = "backlog-" + UUID.randomUUID();
        List<TestJob> backlog = IntStream.range(0, 3 * LIMIT).mapToObj(i -> TestJob.sleep(1).forUser(user)).toList();
        JdbcTemplate jdbc = PROCESSORS.get(0).getBean(JdbcTemplate.class);
        try (JobsTopic jobs = new JobsTopic(INFRASTRUCTURE.bootstrapServers());
                StatusEvents events = new StatusEvents(INFRASTRUCTURE.bootstrapServers())) {

            backlog.forEach(job -> jobs.publish(2, job));

            await().atMost(PATIENCE).until(() -> doneOf(backlog, events).size() >= 2 * LIMIT);
            List<UUID> leaseNames = jdbc.queryForList("select job_id from processor.user_slots where user_id = ?",
                    UUID.class, user);
            List<UUID> firstStarted = backlog.stream().map(job -> events.first(job.id(), RUNNING).orElseThrow())
                    .sorted(Comparator.comparing(JobStatusEvent::occurredAt)).limit(LIMIT)
                    .map(JobStatusEvent::jobId).toList();
            assertThat(doneOf(backlog, events)).hasSizeLessThan(backlog.size());
            assertThat(leaseNames).hasSize(LIMIT).isSubsetOf(firstStarted);
            await().atMost(PATIENCE).until(() -> doneOf(backlog, events).size() == backlog.size());
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForList(
                    "select job_id from processor.user_slots where user_id = ?", UUID.class, user)).isEmpty());
        }
    }

    @Test
    void anAttemptThatTookASlotStillHeldForItsUserGetsASlotOfItsOwnWhenItRunsAgain() throws Exception {
        String user = "again-" + UUID.randomUUID();
        TestJob job = TestJob.quick().forUser(user);
        JdbcTemplate jdbc = PROCESSORS.get(0).getBean(JdbcTemplate.class);
        // The attempt took a slot on another processor, was stopped there and handed its slot on; that processor
        // still holds the slot for the user's next attempts.
        jdbc.update("""
                insert into processor.user_slots (user_id, job_id, generation, attempt, worker_id, lease_until)
                values (?, ?, 0, 1, 'another-processor', now() + interval '60 seconds')""", user, job.id());
        try (JobsTopic jobs = new JobsTopic(INFRASTRUCTURE.bootstrapServers());
                StatusEvents events = new StatusEvents(INFRASTRUCTURE.bootstrapServers())) {

            jobs.publish(3, job);

            await().atMost(Duration.ofSeconds(20)).until(() -> events.first(job.id(), DONE).isPresent());
        } finally {
            jdbc.update("delete from processor.user_slots where worker_id = 'another-processor'");
        }
    }

    @Test
    void slotsWhoseLeasesWereLostAreGivenBackInsteadOfHandedOn() throws Exception {
        String user = "lost-" + UUID.randomUUID();
        List<TestJob> backlog = IntStream.range(0, 8 * LIMIT).mapToObj(i -> TestJob.sleep(1).forUser(user)).toList();
        JdbcTemplate jdbc = PROCESSORS.get(0).getBean(JdbcTemplate.class);
        try (JobsTopic jobs = new JobsTopic(INFRASTRUCTURE.bootstrapServers());
                StatusEvents events = new StatusEvents(INFRASTRUCTURE.bootstrapServers())) {
            backlog.forEach(job -> jobs.publish(4, job));
            await().atMost(PATIENCE).until(() -> slotsOf(jdbc, user).size() == LIMIT);
            List<UUID> lost = slotsOf(jdbc, user);

            // when: the leases are gone, as when they ran out while their processor could not reach PostgreSQL
            jdbc.update("delete from processor.user_slots where user_id = ?", user);

            // then
            await().atMost(PATIENCE).until(() -> !slotsOf(jdbc, user).isEmpty()
                    && doneOf(backlog, events).size() < backlog.size());
            assertThat(slotsOf(jdbc, user)).doesNotContainAnyElementsOf(lost).hasSizeLessThanOrEqualTo(LIMIT);
            await().atMost(PATIENCE).until(() -> doneOf(backlog, events).size() == backlog.size());
            List<JobStatusEvent> done = backlog.stream().map(job -> events.first(job.id(), DONE).orElseThrow())
                    .toList();
            assertThat(mostRunningAtOnce(done)).isLessThanOrEqualTo(LIMIT);
        }
    }

    @Test
    void slotsOfAProcessorThatDiedFreeUpWhenTheirLeasesRunOut() throws Exception {
        String user = "orphaned-" + UUID.randomUUID();
        JdbcTemplate jdbc = PROCESSORS.get(0).getBean(JdbcTemplate.class);
        IntStream.range(0, LIMIT).forEach(i -> jdbc.update("""
                insert into processor.user_slots (user_id, job_id, generation, attempt, worker_id, lease_until)
                values (?, ?, 0, 1, 'killed-worker', now() + interval '3 seconds')""", user, UUID.randomUUID()));
        Instant leasesEnd = jdbc.queryForObject("select max(lease_until) from processor.user_slots where user_id = ?",
                OffsetDateTime.class, user).toInstant();
        List<TestJob> waiting = List.of(TestJob.quick().forUser(user), TestJob.quick().forUser(user));
        try (JobsTopic jobs = new JobsTopic(INFRASTRUCTURE.bootstrapServers());
                StatusEvents events = new StatusEvents(INFRASTRUCTURE.bootstrapServers())) {

            waiting.forEach(job -> jobs.publish(1, job));

            await().atMost(PATIENCE).until(() -> waiting.stream().allMatch(job -> events.first(job.id(), DONE)
                    .isPresent()));
            assertThat(waiting).allSatisfy(job -> assertThat(events.first(job.id(), RUNNING).orElseThrow()
                    .occurredAt()).isAfterOrEqualTo(leasesEnd.minusMillis(50)));
        }
    }

    private static List<UUID> slotsOf(JdbcTemplate jdbc, String user) {
        return jdbc.queryForList("select slot_id from processor.user_slots where user_id = ?", UUID.class, user);
    }

    private static List<UUID> doneOf(List<TestJob> jobs, StatusEvents events) {
        return jobs.stream().map(TestJob::id).filter(id -> events.first(id, DONE).isPresent()).toList();
    }

    /** The most jobs whose runs, from their start to their end, overlap at one moment. */
    private static int mostRunningAtOnce(List<JobStatusEvent> done) {
        List<Map.Entry<Instant, Integer>> changes = new ArrayList<>();
        done.forEach(event -> {
            changes.add(Map.entry(event.startedAt(), 1));
            changes.add(Map.entry(event.occurredAt(), -1));
        });
        changes.sort(Map.Entry.<Instant, Integer>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
        int running = 0;
        int most = 0;
        for (Map.Entry<Instant, Integer> change : changes) {
            running += change.getValue();
            most = Math.max(most, running);
        }
        return most;
    }
}
