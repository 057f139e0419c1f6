package dev.jobstream.processor.consumption;

import dev.jobstream.processor.InfrastructureProperties;
import static dev.jobstream.contract.JobStatus.DEAD;
import static dev.jobstream.contract.JobStatus.DONE;
import static dev.jobstream.contract.JobStatus.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jobstream.contract.DeadLetterHeaders;
import dev.jobstream.contract.InvalidJobRecordException;
import dev.jobstream.contract.JobIds;
import dev.jobstream.contract.JobStatusEvent;
import dev.jobstream.contract.Topics;
import dev.jobstream.processor.JobsTopic;
import dev.jobstream.processor.ProcessorApplication;
import dev.jobstream.processor.StatusEvents;
import dev.jobstream.processor.TestJob;
import dev.jobstream.processor.TopicReader;
import dev.jobstream.processor.WorkerId;
import dev.jobstream.processor.handler.JobFailedException;
import dev.jobstream.testsupport.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The processor against a real broker and database: records published on the jobs topic as an outside program
 * would, status events read back from job-status. Each test uses a partition of its own, so one test's
 * unfinished jobs never hold back another's offsets.
 */
@SpringBootTest(classes = ProcessorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"spring.config.name=processor", "logging.level.dev.jobstream=DEBUG"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class JobConsumptionTest {

    private static final int HANDLER_PARTITION = 0;
    private static final int SLEEP_AND_QUICK_PARTITION = 1;
    private static final int OFFSET_PARTITION = 2;
    private static final int DUPLICATE_PARTITION = 3;
    private static final int INVALID_PARTITION = 4;

    private static final Map<UUID, byte[]> PUBLISHED = new HashMap<>();

    private static JobsTopic jobs;
    private static StatusEvents events;
    private static TopicReader deadLetters;
    private static Admin admin;

    @Autowired
    private WorkerId workerId;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        InfrastructureProperties.register(registry);
    }

    @BeforeEach
    void connect() {
        if (jobs == null) {
            String bootstrapServers = TestInfrastructure.shared().bootstrapServers();
            jobs = new JobsTopic(bootstrapServers);
            events = new StatusEvents(bootstrapServers);
            deadLetters = new TopicReader(bootstrapServers, Topics.DEAD_LETTER);
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        }
    }

    @AfterAll
    static void disconnect() throws InterruptedException {
        jobs.close();
        events.close();
        deadLetters.close();
        admin.close();
    }

    @Test
    void sleepComputeAndDefaultJobsAreDoneAfterARunningEventOfTheirFirstAttempt() {
        // given
        List<TestJob> started = List.of(TestJob.sleep(1), TestJob.compute(), TestJob.quick());

        // when
        started.forEach(job -> jobs.publish(HANDLER_PARTITION, job));

        // then
        for (TestJob job : started) {
            eventually().until(() -> events.of(job.id()).size() == 2);
            List<JobStatusEvent> history = events.of(job.id());
            assertThat(history).extracting(JobStatusEvent::status).containsExactly(RUNNING, DONE);
            assertThat(history).allSatisfy(event -> {
                assertThat(event.attempt()).isEqualTo(1);
                assertThat(event.workerId()).isEqualTo(workerId.value());
                assertThat(event.startedAt()).isEqualTo(history.get(0).occurredAt());
            });
        }
        JobStatusEvent computed = events.first(started.get(1).id(), DONE).orElseThrow();
        assertThat(computed.result()).isNotNull();
        assertThat(computed.result().get("size").asLong()).isEqualTo(100_000);
        assertThat(computed.result().get("primes").asLong()).isEqualTo(9_592);
    }

    @Test
    void failJobWithoutRetriesEndsDeadWithItsMessageOrTheDefaultOne() {
        // given
        TestJob withMessage = TestJob.fail("disk on fire").withMaxRetries(0);
        TestJob withoutMessage = TestJob.withPayload(TestJob.payload("fail")).withMaxRetries(0);

        // when
        jobs.publish(HANDLER_PARTITION, withMessage);
        jobs.publish(HANDLER_PARTITION, withoutMessage);

        // then
        JobStatusEvent dead = eventually().until(() -> events.first(withMessage.id(), DEAD), Optional::isPresent)
                .orElseThrow();
        assertThat(events.of(withMessage.id())).extracting(JobStatusEvent::status).containsExactly(RUNNING, DEAD);
        assertThat(dead.startedAt()).isNotNull();
        assertThat(dead.error()).isNotNull();
        assertThat(dead.error().type()).isEqualTo(JobFailedException.class.getName());
        assertThat(dead.error().message()).isEqualTo("disk on fire");
        JobStatusEvent deadByDefault = eventually()
                .until(() -> events.first(withoutMessage.id(), DEAD), Optional::isPresent).orElseThrow();
        assertThat(deadByDefault.error().message()).isEqualTo("job failed as requested");
    }

    @Test
    void longSleepDoesNotHoldUpQuickJobsBehindItOnTheSamePartition() {
        // given
        TestJob sleep = TestJob.sleep(3);
        List<TestJob> quick = IntStream.range(0, 50).mapToObj(i -> TestJob.quick()).toList();

        // when
        jobs.publish(SLEEP_AND_QUICK_PARTITION, sleep);
        quick.forEach(job -> jobs.publish(SLEEP_AND_QUICK_PARTITION, job));

        // then
        eventually().until(() -> quick.stream().allMatch(job -> events.first(job.id(), DONE).isPresent()));
        JobStatusEvent sleepDone = eventually().until(() -> events.first(sleep.id(), DONE), Optional::isPresent)
                .orElseThrow();
        assertThat(quick).allSatisfy(job -> assertThat(events.first(job.id(), DONE).orElseThrow().occurredAt())
                .isBefore(sleepDone.occurredAt()));
    }

    @Test
    void jobPublishedTwiceRunsOnceWhetherTheCopiesArriveTogetherOrAfterItRan() {
        // given
        TestJob job = TestJob.sleep(1);
        jobs.publish(DUPLICATE_PARTITION, job);
        jobs.publish(DUPLICATE_PARTITION, job);
        eventually().until(() -> events.first(job.id(), DONE).isPresent());

        // when
        jobs.publish(DUPLICATE_PARTITION, job);
        TestJob behind = TestJob.quick();
        jobs.publish(DUPLICATE_PARTITION, behind);

        // then
        eventually().until(() -> events.first(behind.id(), DONE).isPresent());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> events.of(job.id()).size() == 2);
        assertThat(events.of(job.id())).extracting(JobStatusEvent::status).containsExactly(RUNNING, DONE);
    }

    @Test
    void invalidRecordsAreEachDeadLetteredOnceWithTheirReasonAndDoNotBlockTheirPartition() {
        // given
        byte[] valid = TestJob.quick().bytes();
        Map<UUID, String> reasons = new LinkedHashMap<>();
        reasons.put(invalidRecord("not json at all".getBytes(StandardCharsets.UTF_8)), "value is not JSON");
        reasons.put(invalidRecord(Arrays.copyOf(valid, valid.length / 2)), "value is not JSON");
        reasons.put(invalidRecord(null), "record has no value");
        reasons.put(invalidRecord("[1, 2]".getBytes(StandardCharsets.UTF_8)), "value must be a JSON object");
        reasons.put(invalidJob(TestJob.withPayload(TestJob.payload("teleport"))), "payload.type: unknown type");
        reasons.put(invalidJob(TestJob.withPayload(TestJob.payload("sleep").put("duration", "5s"))),
                "payload.duration: must be a whole number");
        reasons.put(invalidJob(TestJob.quick().without("user_id")), "user_id: is required");

        // when
        TestJob behind = TestJob.quick();
        jobs.publish(INVALID_PARTITION, behind);

        // then
        eventually().until(() -> events.first(behind.id(), DONE).isPresent());
        eventually().until(() -> reasons.keySet().stream().allMatch(id -> events.first(id, DEAD).isPresent()));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> reasons.keySet().stream()
                .allMatch(id -> events.of(id).size() == 1 && deadLetters.withKey(id.toString()).size() == 1));
        reasons.forEach((id, reason) -> {
            JobStatusEvent dead = events.of(id).get(0);
            assertThat(dead.status()).isEqualTo(DEAD);
            assertThat(dead.error().type()).isEqualTo(InvalidJobRecordException.REASON);
            assertThat(dead.error().message()).contains(reason);
            ConsumerRecord<String, byte[]> deadLetter = deadLetters.withKey(id.toString()).get(0);
            assertThat(header(deadLetter, DeadLetterHeaders.ERROR_CLASS)).isEqualTo(InvalidJobRecordException.REASON);
            assertThat(header(deadLetter, DeadLetterHeaders.ERROR_MESSAGE)).contains(reason);
            assertThat(header(deadLetter, DeadLetterHeaders.ORIGIN)).startsWith(Topics.JOBS + "-" + INVALID_PARTITION
                    + "@");
            assertThat(deadLetter.value()).isEqualTo(PUBLISHED.get(id));
        });
    }

    @Test
    void committedOffsetStopsAtTheOldestUnfinishedRecordUntilItFinishes() {
        // given
        TestJob sleep = TestJob.sleep(6);
        long sleepOffset = jobs.publish(OFFSET_PARTITION, sleep);
        List<TestJob> quick = IntStream.range(0, 10).mapToObj(i -> TestJob.quick()).toList();
        long lastOffset = quick.stream().mapToLong(job -> jobs.publish(OFFSET_PARTITION, job)).max().orElseThrow();

        // when
        eventually().until(() -> quick.stream().allMatch(job -> events.first(job.id(), DONE).isPresent()));

        // then
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> committedOffset(OFFSET_PARTITION) == sleepOffset);
        assertThat(events.first(sleep.id(), DONE)).isEmpty();
        eventually().until(() -> committedOffset(OFFSET_PARTITION) == lastOffset + 1);
        assertThat(events.first(sleep.id(), DONE)).isPresent();
    }

    private static UUID invalidRecord(byte[] value) {
        long offset = jobs.publish(INVALID_PARTITION, "no-id", value);
        UUID id = JobIds.forRecord(Topics.JOBS, INVALID_PARTITION, offset);
        PUBLISHED.put(id, value);
        return id;
    }

    private static UUID invalidJob(TestJob job) {
        jobs.publish(INVALID_PARTITION, job);
        PUBLISHED.put(job.id(), job.bytes());
        return job.id();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static long committedOffset(int partition) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(JobConsumer.GROUP_ID)
                .partitionsToOffsetAndMetadata().get();
        OffsetAndMetadata committed = offsets.get(new TopicPartition(Topics.JOBS, partition));
        return committed == null ? -1 : committed.offset();
    }

    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(30));
    }
}
