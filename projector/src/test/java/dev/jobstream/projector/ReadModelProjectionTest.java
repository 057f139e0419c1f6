package dev.jobstream.projector;

import static dev.jobstream.projector.TestJobs.aFailJob;
import static dev.jobstream.projector.TestJobs.aSleepJob;
import static dev.jobstream.projector.TestJobs.aSleepJobOf;
import static dev.jobstream.projector.TestJobs.done;
import static dev.jobstream.projector.TestJobs.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.JobIds;
import dev.jobstream.contract.JobRecord;
import dev.jobstream.contract.JobRules;
import dev.jobstream.contract.JobStatus;
import dev.jobstream.contract.JobStatusEvent;
import dev.jobstream.contract.PayloadLimits;
import dev.jobstream.contract.Topics;
import dev.jobstream.projector.readmodel.JobRow;
import dev.jobstream.projector.readmodel.ReadModelChangeListener;
import dev.jobstream.testsupport.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The projector against a real Kafka broker and a real PostgreSQL: records go in through a plain producer,
 * rows are read back with SQL.
 */
@SpringBootTest(properties = {
    "spring.config.name=projector",
    "jobstream.projector.retry.initial-backoff=100ms",
    "jobstream.projector.retry.max-backoff=500ms"
})
class ReadModelProjectionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Instant STARTED = Instant.parse("2025-03-01T10:00:01Z");
    private static final Instant FINISHED = Instant.parse("2025-03-01T10:00:03Z");

    private static final JobCodec CODEC = new JobCodec(new JobRules(PayloadLimits.DEFAULTS));
    private static KafkaProducer<String, byte[]> producer;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private RecordingChangeListener changes;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        registry.add("spring.kafka.bootstrap-servers", infrastructure::bootstrapServers);
        registry.add("spring.datasource.url", infrastructure::jdbcUrl);
        registry.add("spring.datasource.username", infrastructure::username);
        registry.add("spring.datasource.password", infrastructure::password);
    }

    @BeforeAll
    static void startProducer() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void stopProducer() {
        producer.close();
    }

    @Test
    void aSubmittedJobAppearsPendingWithItsPayload() {
        JobRecord job = aSleepJob();

        publish(job);

        ProjectedJob row = awaitRow(job.id(), projected -> projected.payload() != null);
        assertThat(row.status()).isEqualTo("pending");
        assertThat(row.payload()).isEqualTo(job.payload());
        assertThat(row.userId()).isEqualTo("alice");
        assertThat(row.createdAt()).isEqualTo(job.createdAt());
    }

    @Test
    void aJobBeyondTheGatewaysLimitsIsStillProjected() {
        ObjectNode longSleep = JobCodec.mapper().createObjectNode().put("type", "sleep").put("duration", 86_400);
        ObjectNode hugeCompute = JobCodec.mapper().createObjectNode().put("type", "compute")
                .put("size", 1_000_000_000_000L);
        JobRecord sleep = JobRecord.accepted(JobIds.newId(), "alice", longSleep, 3, TestJobs.CREATED_AT, null);
        JobRecord compute = JobRecord.accepted(JobIds.newId(), "alice", hugeCompute, 3, TestJobs.CREATED_AT, null);

        publish(sleep);
        publish(compute);

        assertThat(awaitRow(sleep.id(), projected -> projected.payload() != null).payload()).isEqualTo(longSleep);
        assertThat(awaitRow(compute.id(), projected -> projected.payload() != null).payload())
                .isEqualTo(hugeCompute);
    }

    @Test
    void aJobsTimeoutIsRecordedWithIt() {
        JobRecord job = aSleepJob().withTimeoutSeconds(30);

        publish(job);

        awaitRow(job.id(), projected -> projected.payload() != null);
        assertThat(jdbc.queryForObject("select timeout_seconds from readmodel.jobs where id = ?", Integer.class,
                job.id())).isEqualTo(30);
    }

    @Test
    void aJobThatRanEndsDoneWithItsResultAndTimes() {
        JobRecord job = aSleepJob();

        publish(job);
        publish(running(job, STARTED));
        publish(done(job, STARTED, FINISHED));

        ProjectedJob row = awaitRow(job.id(), projected -> projected.status().equals("done"));
        assertThat(row.result().get("slept_ms").asInt()).isEqualTo(1000);
        assertThat(row.startedAt()).isEqualTo(STARTED);
        assertThat(row.finishedAt()).isEqualTo(FINISHED);
        assertThat(row.attempt()).isEqualTo(1);
        assertThat(history(job.id())).containsExactly("running", "done");
    }

    @Test
    void statusEventsBeforeTheJobRecordStillEndDoneWithThePayloadFilled() {
        JobRecord job = aSleepJob();
        publish(running(job, STARTED));
        publish(done(job, STARTED, FINISHED));
        awaitRow(job.id(), projected -> projected.status().equals("done"));

        publish(job);

        ProjectedJob row = awaitRow(job.id(), projected -> projected.payload() != null);
        assertThat(row.status()).isEqualTo("done");
        assertThat(row.payload()).isEqualTo(job.payload());
        assertThat(row.createdAt()).isEqualTo(job.createdAt());
        assertThat(row.finishedAt()).isEqualTo(FINISHED);
    }

    @Test
    void lateAndDuplicateEventsNeverMoveAJobBack() {
        JobRecord job = aSleepJob();
        publish(job);
        publish(done(job, STARTED, FINISHED));
        awaitRow(job.id(), projected -> projected.status().equals("done"));

        publish(running(job, STARTED));
        RecordMetadata lastEvent = publish(done(job, STARTED, FINISHED));
        awaitProjectedUpTo(lastEvent);

        ProjectedJob row = row(job.id()).orElseThrow();
        assertThat(row.status()).isEqualTo("done");
        assertThat(row.startedAt()).isEqualTo(STARTED);
        assertThat(row.finishedAt()).isEqualTo(FINISHED);
        assertThat(history(job.id())).containsExactly("running", "done");
    }

    @Test
    void anInvalidJobRecordDoesNotBlockLaterRecordsOnItsPartition() {
        JobRecord job = aSleepJob();
        RecordMetadata invalid = send(Topics.JOBS, 0, "not-a-job", "{not json".getBytes(StandardCharsets.UTF_8));

        send(Topics.JOBS, 0, job.id().toString(), CODEC.encode(job));

        awaitRow(job.id(), projected -> projected.payload() != null);
        UUID invalidId = JobIds.forRecord(Topics.JOBS, invalid.partition(), invalid.offset());
        assertThat(row(invalidId)).isEmpty();
    }

    @Test
    void anUndecodableStatusEventDoesNotBlockLaterEventsOnItsPartition() {
        JobRecord job = aSleepJob();
        send(Topics.STATUS, 0, job.id().toString(), "garbage".getBytes(StandardCharsets.UTF_8));
        send(Topics.STATUS, 0, job.id().toString(), "{\"status\":\"exploded\"}".getBytes(StandardCharsets.UTF_8));
        send(Topics.STATUS, 0, job.id().toString(), withoutJobId().getBytes(StandardCharsets.UTF_8));
        send(Topics.STATUS, 0, job.id().toString(), null);

        send(Topics.STATUS, 0, job.id().toString(), CODEC.encode(running(job, STARTED)));

        ProjectedJob row = awaitRow(job.id(), projected -> projected.status().equals("running"));
        assertThat(row.startedAt()).isEqualTo(STARTED);
    }

    @Test
    void aNulCharacterInAJobIsStoredWithoutStallingTheProjection() {
        JobRecord job = aFailJob("before\0after");

        publish(job);

        ProjectedJob row = awaitRow(job.id(), projected -> projected.payload() != null);
        assertThat(row.payload().get("message").asString()).isEqualTo("before\uFFFDafter");
    }

    @Test
    void textThatAnArrayLiteralWouldEscapeIsStoredAsItCame() {
        String awkward = "NULL, \"quoted\" {braced} back\\slash; ünïcödé 🚀";
        ObjectNode payload = JobCodec.mapper().createObjectNode().put("type", "fail").put("message", awkward);
        JobRecord job = JobRecord.accepted(JobIds.newId(), "NULL", payload, 3, TestJobs.CREATED_AT, null);

        publish(job);

        ProjectedJob row = awaitRow(job.id(), projected -> projected.payload() != null);
        assertThat(row.userId()).isEqualTo("NULL");
        assertThat(row.payload().get("message").asString()).isEqualTo(awkward);
        assertThat(jdbc.queryForObject("select worker_id is null from readmodel.jobs where id = ?", Boolean.class,
                job.id())).isTrue();
    }

    @Test
    void twoThousandJobsAndTheirEventsAreAllProjected() {
        List<JobRecord> jobs = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            jobs.add(aSleepJobOf("bulk"));
        }

        jobs.forEach(job -> sendAsync(Topics.JOBS, job.id(), CODEC.encode(job)));
        jobs.forEach(job -> sendAsync(Topics.STATUS, job.id(), CODEC.encode(running(job, STARTED))));
        jobs.forEach(job -> sendAsync(Topics.STATUS, job.id(), CODEC.encode(done(job, STARTED, FINISHED))));
        producer.flush();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from readmodel.jobs where user_id = 'bulk' and status = 'done'"
                        + " and payload is not null", Integer.class)).isEqualTo(2_000));
        assertThat(jdbc.queryForObject("""
                select count(*) from readmodel.job_events events join readmodel.jobs jobs on jobs.id = events.job_id
                where jobs.user_id = 'bulk'""", Integer.class)).isEqualTo(4_000);
    }

    @Test
    void aBatchThatCannotBeWrittenIsRetriedUntilTheDatabaseIsBack() {
        JobRecord job = aSleepJob();
        jdbc.execute("alter table readmodel.jobs rename to jobs_unavailable");
        try {
            publish(job);

            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject(
                    "select count(*) from readmodel.jobs_unavailable where id = ?", Integer.class, job.id()) == 0);
        } finally {
            jdbc.execute("alter table readmodel.jobs_unavailable rename to jobs");
        }

        awaitRow(job.id(), projected -> projected.payload() != null);
    }

    @Test
    void subscribersHearOfTheRowsABatchChanged() {
        JobRecord job = aSleepJob();

        publish(job);
        publish(done(job, STARTED, FINISHED));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(changes.rows())
                .anySatisfy(row -> {
                    assertThat(row.id()).isEqualTo(job.id());
                    assertThat(row.status()).isEqualTo(JobStatus.DONE);
                }));
    }

    private RecordMetadata publish(JobRecord job) {
        return send(Topics.JOBS, null, job.id().toString(), CODEC.encode(job));
    }

    private RecordMetadata publish(JobStatusEvent event) {
        return send(Topics.STATUS, null, event.jobId().toString(), CODEC.encode(event));
    }

    private static RecordMetadata send(String topic, @Nullable Integer partition, String key, byte @Nullable [] value) {
        try {
            return producer.send(new ProducerRecord<>(topic, partition, key, value)).get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        } catch (ExecutionException failed) {
            throw new IllegalStateException(failed.getCause());
        }
    }

    private static String withoutJobId() {
        return "{\"status\":\"running\",\"generation\":0,\"attempt\":1,\"max_retries\":3}";
    }

    private static void sendAsync(String topic, UUID jobId, byte[] value) {
        producer.send(new ProducerRecord<>(topic, jobId.toString(), value));
    }

    /** Waits until a later job on the record's partition is projected, so the record's batch is done too. */
    private void awaitProjectedUpTo(RecordMetadata record) {
        JobRecord marker = aSleepJob();
        JobStatusEvent event = running(marker, STARTED);
        send(record.topic(), record.partition(), marker.id().toString(), CODEC.encode(event));
        awaitRow(marker.id(), projected -> projected.status().equals("running"));
    }

    private ProjectedJob awaitRow(UUID id, Predicate<ProjectedJob> condition) {
        return await().atMost(PATIENCE).until(() -> row(id), row -> row.filter(condition).isPresent()).orElseThrow();
    }

    private Optional<ProjectedJob> row(UUID id) {
        return jdbc.query("""
                select status, user_id, payload::text, result::text, attempt, created_at, started_at, finished_at
                from readmodel.jobs where id = ?""", (rows, number) -> ProjectedJob.of(rows), id).stream().findFirst();
    }

    private List<String> history(UUID id) {
        return jdbc.queryForList("select status from readmodel.job_events where job_id = ? order by occurred_at",
                String.class, id);
    }

    /** The columns of a row the tests look at. */
    private record ProjectedJob(String status, @Nullable String userId, @Nullable JsonNode payload,
            @Nullable JsonNode result, int attempt, @Nullable Instant createdAt, @Nullable Instant startedAt,
            @Nullable Instant finishedAt) {

        static ProjectedJob of(ResultSet rows) throws SQLException {
            return new ProjectedJob(rows.getString("status"), rows.getString("user_id"), json(rows.getString(3)),
                    json(rows.getString(4)), rows.getInt("attempt"), instant(rows, "created_at"),
                    instant(rows, "started_at"), instant(rows, "finished_at"));
        }

        private static @Nullable JsonNode json(@Nullable String text) {
            return text != null ? JobCodec.mapper().readTree(text) : null;
        }

        private static @Nullable Instant instant(ResultSet rows, String column) throws SQLException {
            OffsetDateTime time = rows.getObject(column, OffsetDateTime.class);
            return time != null ? time.toInstant() : null;
        }
    }

    /** Keeps every row the projector reports as changed. */
    static class RecordingChangeListener implements ReadModelChangeListener {

        private final List<JobRow> rows = new CopyOnWriteArrayList<>();

        @Override
        public void onJobsChanged(List<JobRow> changed) {
            rows.addAll(changed);
        }

        List<JobRow> rows() {
            return rows;
        }
    }

    @TestConfiguration
    static class RecordingConfiguration {

        @Bean
        RecordingChangeListener recordingChangeListener() {
            return new RecordingChangeListener();
        }
    }
}
