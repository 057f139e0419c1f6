package dev.jobstream.processor.retry;

import dev.jobstream.processor.InfrastructureProperties;
import static dev.jobstream.contract.JobStatus.CANCELLED;
import static dev.jobstream.contract.JobStatus.DEAD;
import static dev.jobstream.contract.JobStatus.DISCARDED;
import static dev.jobstream.contract.JobStatus.DONE;
import static dev.jobstream.contract.JobStatus.RETRYING;
import static dev.jobstream.contract.JobStatus.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.jobstream.contract.DeadLetterHeaders;
import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.JobControl;
import dev.jobstream.contract.JobStatusEvent;
import dev.jobstream.contract.Topics;
import dev.jobstream.processor.ControlTopic;
import dev.jobstream.processor.JobsTopic;
import dev.jobstream.processor.ProcessorApplication;
import dev.jobstream.processor.StatusEvents;
import dev.jobstream.processor.TestJob;
import dev.jobstream.processor.TopicReader;
import dev.jobstream.processor.execution.JobTimeoutException;
import dev.jobstream.processor.handler.JobFailedException;
import dev.jobstream.testsupport.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Retries, the dead-letter queue and waiting for {@code not_before}, with a fast backoff: 200 ms doubling up to
 * 1.6 s, ±20 %. Status events, dead letters and control requests go through the real broker.
 */
@SpringBootTest(classes = ProcessorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"spring.config.name=processor", "logging.level.dev.jobstream=DEBUG",
            "jobstream.processor.retry.base=200ms", "jobstream.processor.retry.cap=1600ms",
            "jobstream.processor.retry.factor=2.0", "jobstream.processor.retry.jitter=0.2"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RetryTest {

    private static final Duration BASE = Duration.ofMillis(200);
    private static final double JITTER = 0.2;
    private static final Duration PROMPTLY = Duration.ofSeconds(1);

    private static JobsTopic jobs;
    private static StatusEvents events;
    private static TopicReader deadLetters;
    private static ControlTopic control;

    @Autowired
    private JdbcTemplate jdbc;

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
            control = new ControlTopic(bootstrapServers);
        }
    }

    @AfterAll
    static void disconnect() throws InterruptedException {
        jobs.close();
        events.close();
        deadLetters.close();
        control.close();
    }

    @ParameterizedTest(name = "max_retries {0}: {1} runs, then dead")
    @CsvSource({"0, 1", "1, 2", "3, 4"})
    void failingJobRunsOnceMoreThanItsRetriesThenIsDeadWithOneDeadLetter(int maxRetries, int runs) {
        // given
        TestJob job = TestJob.fail("always broken").withMaxRetries(maxRetries);

        // when
        jobs.publish(0, job);

        // then
        JobStatusEvent dead = eventually().until(() -> events.first(job.id(), DEAD), Optional::isPresent)
                .orElseThrow();
        assertThat(events.of(job.id(), RUNNING)).extracting(JobStatusEvent::attempt)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, runs).boxed().toList());
        assertThat(events.of(job.id(), RETRYING)).extracting(JobStatusEvent::attempt)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, maxRetries).boxed().toList());
        assertThat(dead.attempt()).isEqualTo(runs);
        assertThat(dead.error().type()).isEqualTo(JobFailedException.class.getName());
        assertThat(dead.error().message()).isEqualTo("always broken");
        await().during(PROMPTLY).atMost(Duration.ofSeconds(5))
                .until(() -> deadLetters.withKey(job.id().toString()).size() == 1);
        Instant firstFailure = maxRetries == 0 ? dead.occurredAt()
                : events.first(job.id(), RETRYING).orElseThrow().occurredAt();
        assertThatDeadLetterOf(job, runs, firstFailure, dead.occurredAt());
    }

    @Test
    void eachRetryStartsOnceItsBackoffHasPassedAndWithinASecond() {
        // given
        TestJob job = TestJob.fail("flaky").withMaxRetries(3);

        // when
        jobs.publish(1, job);

        // then
        eventually().until(() -> events.first(job.id(), DEAD).isPresent());
        List<JobStatusEvent> retries = events.of(job.id(), RETRYING);
        List<JobStatusEvent> starts = events.of(job.id(), RUNNING);
        assertThat(retries).hasSize(3);
        for (int i = 0; i < retries.size(); i++) {
            JobStatusEvent retry = retries.get(i);
            Duration nominal = BASE.multipliedBy(1L << i);
            assertThat(Duration.between(retry.occurredAt(), retry.nextAttemptAt()))
                    .isBetween(scaled(nominal, 1 - JITTER).minusMillis(1), scaled(nominal, 1 + JITTER).plusMillis(1));
            Instant nextStart = starts.get(i + 1).occurredAt();
            assertThat(nextStart).isAfterOrEqualTo(retry.nextAttemptAt())
                    .isBefore(retry.nextAttemptAt().plus(PROMPTLY));
        }
    }

    @Test
    void attemptThatOutlastsItsTimeoutIsInterruptedRetriedAndFinallyDeadWithATimeoutError() {
        // given
        TestJob job = TestJob.sleep(5).withTimeoutSeconds(1).withMaxRetries(1);

        // when
        jobs.publish(2, job);

        // then
        JobStatusEvent dead = eventually().until(() -> events.first(job.id(), DEAD), Optional::isPresent)
                .orElseThrow();
        assertThat(events.of(job.id(), RUNNING)).extracting(JobStatusEvent::attempt).containsExactly(1, 2);
        assertThat(events.first(job.id(), RETRYING).orElseThrow().error().type())
                .isEqualTo(JobTimeoutException.class.getName());
        assertThat(dead.error().type()).isEqualTo(JobTimeoutException.class.getName());
        assertThat(dead.error().message()).contains("timeout of 1s");
        assertThat(Duration.between(dead.startedAt(), dead.occurredAt()))
                .isBetween(Duration.ofSeconds(1), Duration.ofMillis(1900));
    }

    @Test
    void jobWithAFutureNotBeforeStartsNoEarlierWhetherItIsHeldOrWaitsInARetryTopic() {
        // given
        TestJob held = TestJob.quick().notBefore(Instant.now().plusMillis(150));
        TestJob parked = TestJob.quick().notBefore(Instant.now().plusSeconds(3));

        // when
        jobs.publish(3, held);
        jobs.publish(3, parked);

        // then
        for (TestJob job : List.of(held, parked)) {
            eventually().until(() -> events.first(job.id(), DONE).isPresent());
            Instant notBefore = Instant.parse(job.record().get("not_before").asString());
            assertThat(events.first(job.id(), RUNNING).orElseThrow().occurredAt()).isAfterOrEqualTo(notBefore)
                    .isBefore(notBefore.plus(PROMPTLY));
        }
    }

    @Test
    void cancelledPendingJobIsReportedCancelledAtOnceAndNeverRuns() {
        // given
        Instant due = Instant.now().plusSeconds(3);
        TestJob pending = TestJob.quick().notBefore(due);
        jobs.publish(4, pending);
        control.publishRaw("garbage", "not a request".getBytes(StandardCharsets.UTF_8));

        // when
        JobControl cancel = control.cancel(pending.id(), 0);

        // then
        JobStatusEvent cancelled = eventually().until(() -> events.first(pending.id(), CANCELLED), Optional::isPresent)
                .orElseThrow();
        assertThat(cancelled.attempt()).isZero();
        assertThat(cancelled.occurredAt()).isBefore(cancel.requestedAt().plus(PROMPTLY));
        assertThat(jdbc.queryForObject("select count(*) from processor.cancellations where job_id = ?",
                Integer.class, pending.id())).isEqualTo(1);
        await().pollDelay(untilPast(due.plusMillis(1500))).atMost(Duration.ofSeconds(10))
                .until(() -> events.of(pending.id(), RUNNING).isEmpty() && events.of(pending.id(), DONE).isEmpty());
    }

    @Test
    void discardOfADeadJobIsReportedAndRepeatingItChangesNothing() {
        // given
        TestJob job = TestJob.fail("hopeless").withMaxRetries(0);
        jobs.publish(5, job);
        eventually().until(() -> events.first(job.id(), DEAD).isPresent());

        // when
        control.discard(job.id(), 1);
        control.discard(job.id(), 1);

        // then
        eventually().until(() -> events.of(job.id(), DISCARDED).size() == 2);
        assertThat(events.of(job.id())).extracting(JobStatusEvent::status)
                .containsExactly(RUNNING, DEAD, DISCARDED, DISCARDED);
        assertThat(events.of(job.id(), DISCARDED)).allSatisfy(discarded -> {
            assertThat(discarded.generation()).isZero();
            assertThat(discarded.attempt()).isEqualTo(1);
        });
    }

    private void assertThatDeadLetterOf(TestJob job, int attempts, Instant firstFailure, Instant lastFailure) {
        ConsumerRecord<String, byte[]> deadLetter = deadLetters.withKey(job.id().toString()).get(0);
        assertThat(header(deadLetter, DeadLetterHeaders.ERROR_CLASS)).isEqualTo(JobFailedException.class.getName());
        assertThat(header(deadLetter, DeadLetterHeaders.ERROR_MESSAGE)).isEqualTo("always broken");
        assertThat(header(deadLetter, DeadLetterHeaders.ERROR_STACK)).contains("FailJobHandler");
        assertThat(header(deadLetter, DeadLetterHeaders.ATTEMPTS)).isEqualTo(Integer.toString(attempts));
        assertThat(Instant.parse(header(deadLetter, DeadLetterHeaders.FIRST_FAILURE)))
                .isCloseTo(firstFailure, within(1, ChronoUnit.MILLIS));
        assertThat(Instant.parse(header(deadLetter, DeadLetterHeaders.LAST_FAILURE)))
                .isCloseTo(lastFailure, within(1, ChronoUnit.MILLIS));
        JsonNode value = JobCodec.mapper().readTree(deadLetter.value());
        assertThat(value.get("id").asString()).isEqualTo(job.id().toString());
        assertThat(value.get("attempt").asInt()).isEqualTo(attempts);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static Duration untilPast(Instant moment) {
        Duration left = Duration.between(Instant.now(), moment);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static Duration scaled(Duration duration, double factor) {
        return Duration.ofMillis(Math.round(duration.toMillis() * factor));
    }

    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(30));
    }
}
