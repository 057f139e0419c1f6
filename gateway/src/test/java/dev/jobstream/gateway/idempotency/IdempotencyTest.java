package dev.jobstream.gateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.JobIds;
import dev.jobstream.contract.JobRecord;
import dev.jobstream.gateway.ApiResponse;
import dev.jobstream.gateway.GatewayIntegrationTest;
import dev.jobstream.gateway.JobBodies;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class IdempotencyTest extends GatewayIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private ExpiredIdempotencyKeyCleaner cleaner;

    @Test
    void repeatedSubmissionWithTheSameKeyGetsTheSameJob() {
        String user = aNewUser();
        ApiResponse first = gateway().submit(user, JobBodies.sleepJob(1), "Idempotency-Key", "order-1");

        ApiResponse repeat = gateway().submit(user, JobBodies.sleepJob(1), "Idempotency-Key", "order-1");

        assertThat(first.status()).isEqualTo(202);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(repeat.status()).isEqualTo(202);
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(repeat.header("Location")).isEqualTo(first.header("Location"));
        assertThat(jobsTopic().recordsOf(first.json().path("id").asString())).hasSize(1);
    }

    @Test
    void reformattedBodyIsTheSameRequest() {
        String user = aNewUser();
        String body = "{\"max_retries\": 2, \"payload\": {\"duration\": 1, \"type\": \"sleep\"}}";
        String reformatted = "{ \"payload\" : { \"type\" : \"sleep\" , \"duration\" : 1 } ,\n \"max_retries\" : 2 }";
        ApiResponse first = gateway().submit(user, body, "Idempotency-Key", "k");

        ApiResponse repeat = gateway().submit(user, reformatted, "Idempotency-Key", "k");

        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(repeat.json().path("id")).isEqualTo(first.json().path("id"));
    }

    @Test
    void sameKeyWithAnotherBodyIsRefused() {
        String user = aNewUser();
        gateway().submit(user, JobBodies.sleepJob(1), "Idempotency-Key", "order-2");

        ApiResponse other = gateway().submit(user, JobBodies.sleepJob(2), "Idempotency-Key", "order-2");

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.errorFields()).containsExactly("Idempotency-Key");
    }

    @Test
    void keysAreScopedPerUser() {
        ApiResponse mine = gateway().submit(aNewUser(), JobBodies.sleepJob(1), "Idempotency-Key", "shared");

        ApiResponse theirs = gateway().submit(aNewUser(), JobBodies.sleepJob(1), "Idempotency-Key", "shared");

        assertThat(theirs.status()).isEqualTo(202);
        assertThat(theirs.header("Idempotent-Replayed")).isNull();
        assertThat(theirs.json().path("id")).isNotEqualTo(mine.json().path("id"));
    }

    @Test
    void twentyConcurrentIdenticalSubmissionsCreateOneJob() throws Exception {
        String user = aNewUser();
        Callable<ApiResponse> submit = () -> gateway().submit(user, JobBodies.sleepJob(1), "Idempotency-Key", "race");

        List<ApiResponse> responses = submitConcurrently(20, submit);

        assertThat(responses).extracting(ApiResponse::status).containsOnly(202, 409);
        List<ApiResponse> accepted = responses.stream().filter(response -> response.status() == 202).toList();
        assertThat(accepted).extracting(response -> response.json().path("id").asString()).containsOnly(
                accepted.get(0).json().path("id").asString());
        assertThat(accepted).filteredOn(response -> response.header("Idempotent-Replayed") == null).hasSize(1);
        assertThat(jobsTopic().allRecords()).filteredOn(record -> userOf(record.value()).equals(user)).hasSize(1);
    }

    @Test
    void keyWhoseFirstSubmissionIsStillBeingAcceptedIsAConflict() {
        String user = aNewUser();
        String body = JobBodies.sleepJob(1);
        insertKey(user, "busy", RequestFingerprint.of(JSON.readTree(body)), "accepting", "1 hour");

        ApiResponse response = gateway().submit(user, body, "Idempotency-Key", "busy");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void keyWhoseFirstSubmissionIsPublishingRightNowIsAConflictEvenWithItsJobStored() {
        String user = aNewUser();
        String body = JobBodies.sleepJob(1);
        JobRecord stored = storedJob(user);
        insertUnfinishedKey(user, "now", body, stored, "accepting", "0 seconds");

        ApiResponse response = gateway().submit(user, body, "Idempotency-Key", "now");

        assertThat(response.status()).isEqualTo(409);
        assertThat(jobsTopic().recordsOf(stored.id().toString())).isEmpty();
    }

    @Test
    void retryAfterAFailedPublishPublishesTheSameJobAgain() {
        String user = aNewUser();
        String body = JobBodies.sleepJob(1);
        JobRecord stored = storedJob(user);
        insertUnfinishedKey(user, "failed", body, stored, "publish-failed", "0 seconds");

        ApiResponse retry = gateway().submit(user, body, "Idempotency-Key", "failed");
        ApiResponse repeat = gateway().submit(user, body, "Idempotency-Key", "failed");

        assertThat(retry.status()).as(retry.body()).isEqualTo(202);
        assertThat(retry.json().path("id").asString()).isEqualTo(stored.id().toString());
        assertThat(retry.json().path("trace_id").asString()).isEqualTo(stored.traceId());
        assertThat(retry.header("Idempotent-Replayed")).isNull();
        assertThat(jobsTopic().jobRecordsOf(stored.id())).singleElement()
                .satisfies(job -> assertThat(job.createdAt()).isEqualTo(stored.createdAt()));
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(repeat.json().path("id")).isEqualTo(retry.json().path("id"));
        assertThat(stateOf(user, "failed")).isEqualTo("accepted");
    }

    @Test
    void failedPublishIsNotRetriedWithAnotherBody() {
        String user = aNewUser();
        insertUnfinishedKey(user, "other", JobBodies.sleepJob(1), storedJob(user), "publish-failed", "0 seconds");

        ApiResponse response = gateway().submit(user, JobBodies.sleepJob(2), "Idempotency-Key", "other");

        assertThat(response.status()).isEqualTo(422);
        assertThat(stateOf(user, "other")).isEqualTo("publish-failed");
    }

    @Test
    void claimAbandonedByACrashedGatewayIsTakenOverAndPublishesTheSameJob() {
        String user = aNewUser();
        String body = JobBodies.sleepJob(1);
        JobRecord stored = storedJob(user);
        insertUnfinishedKey(user, "crashed", body, stored, "accepting", "1 minute");

        ApiResponse response = gateway().submit(user, body, "Idempotency-Key", "crashed");

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.json().path("id").asString()).isEqualTo(stored.id().toString());
        assertThat(jobsTopic().jobRecordsOf(stored.id())).hasSize(1);
        assertThat(stateOf(user, "crashed")).isEqualTo("accepted");
    }

    @Test
    void claimedKeyKeepsTheRecordOfItsJob() {
        String user = aNewUser();

        ApiResponse response = gateway().submit(user, JobBodies.sleepJob(1), "Idempotency-Key", "kept");

        String record = jdbc.queryForObject("select job_record::text from gateway.idempotency_keys "
                + "where user_id = ?", String.class, user);
        assertThat(JSON.readTree(record).path("id").asString()).isEqualTo(response.json().path("id").asString());
    }

    @Test
    void expiredKeyCanBeUsedAgain() {
        String user = aNewUser();
        ApiResponse first = gateway().submit(user, JobBodies.sleepJob(1), "Idempotency-Key", "old");
        jdbc.update("update gateway.idempotency_keys set expires_at = now() - interval '1 minute' where user_id = ?",
                user);

        ApiResponse again = gateway().submit(user, JobBodies.sleepJob(1), "Idempotency-Key", "old");

        assertThat(again.status()).isEqualTo(202);
        assertThat(again.header("Idempotent-Replayed")).isNull();
        assertThat(again.json().path("id")).isNotEqualTo(first.json().path("id"));
    }

    @Test
    void cleanerDeletesOnlyExpiredKeys() {
        String user = aNewUser();
        insertKey(user, "expired", "hash", "accepted", "-1 second");
        insertKey(user, "live", "hash", "accepted", "1 hour");

        cleaner.deleteExpired();

        assertThat(jdbc.queryForList("select idempotency_key from gateway.idempotency_keys where user_id = ?",
                String.class, user)).containsExactly("live");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 256})
    void keyOfTheWrongLengthIsRefused(int length) {
        ApiResponse response = gateway().submit(aNewUser(), JobBodies.sleepJob(1),
                "Idempotency-Key", "k".repeat(length));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.errorFields()).containsExactly("Idempotency-Key");
    }

    @Test
    void keyOfTheLongestLengthIsAccepted() {
        ApiResponse response = gateway().submit(aNewUser(), JobBodies.sleepJob(1),
                "Idempotency-Key", "k".repeat(255));

        assertThat(response.status()).isEqualTo(202);
    }

    private void insertKey(String user, String key, String hash, String state, String expiresIn) {
        jdbc.update("""
                insert into gateway.idempotency_keys (user_id, idempotency_key, request_hash, job_id, response,
                    state, created_at, claimed_at, expires_at)
                values (?, ?, ?, ?, cast(? as json), ?, now(), now(), now() + cast(? as interval))""",
                user, key, hash, UUID.randomUUID(), "accepted".equals(state) ? "{}" : null, state, expiresIn);
    }

    private static JobRecord storedJob(String user) {
        ObjectNode payload = JobCodec.mapper().createObjectNode().put("type", "sleep").put("duration", 1);
        return JobRecord.accepted(JobIds.newId(), user, payload, 3,
                Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.MICROS), "trace-of-the-first-try");
    }

    private void insertUnfinishedKey(String user, String key, String body, JobRecord job, String state,
            String claimedAgo) {
        jdbc.update("""
                insert into gateway.idempotency_keys (user_id, idempotency_key, request_hash, job_id, job_record,
                    response, state, created_at, claimed_at, expires_at)
                values (?, ?, ?, ?, cast(? as json), null, ?, now() - cast(? as interval),
                    now() - cast(? as interval), now() + interval '1 hour')""",
                user, key, RequestFingerprint.of(JSON.readTree(body)), job.id(),
                JobCodec.mapper().writeValueAsString(job), state, claimedAgo, claimedAgo);
    }

    private String stateOf(String user, String key) {
        return jdbc.queryForObject("select state from gateway.idempotency_keys where user_id = ? "
                + "and idempotency_key = ?", String.class, user, key);
    }

    private static List<ApiResponse> submitConcurrently(int count, Callable<ApiResponse> submit) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(count);
        try {
            List<Future<ApiResponse>> futures = clients.invokeAll(IntStream.range(0, count).mapToObj(i -> submit)
                    .toList());
            return futures.stream().map(IdempotencyTest::result).toList();
        } finally {
            clients.shutdownNow();
        }
    }

    private static ApiResponse result(Future<ApiResponse> future) {
        try {
            return future.get();
        } catch (Exception failure) {
            throw new IllegalStateException(failure);
        }
    }

    private static String userOf(byte[] value) {
        return JSON.readTree(new String(value, StandardCharsets.UTF_8)).path("user_id").asString();
    }
}
