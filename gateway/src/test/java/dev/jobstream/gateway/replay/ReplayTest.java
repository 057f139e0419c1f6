package dev.jobstream.gateway.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstream.contract.JobRecord;
import dev.jobstream.gateway.ApiResponse;
import dev.jobstream.gateway.GatewayIntegrationTest;
import dev.jobstream.gateway.ReadModelEvent;
import dev.jobstream.gateway.ReadModelJob;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class ReplayTest extends GatewayIntegrationTest {

    private static final String BOOM = ReadModelEvent.error("java.lang.IllegalStateException", "boom");
    private static final String PAYLOAD = "{\"type\": \"fail\", \"message\": \"boom\"}";

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Test
    void deadJobIsReplayedAsItsNextGenerationWithEverythingItRanWith() {
        String user = aNewUser();
        Instant createdAt = now.minusSeconds(60);
        UUID id = ReadModelJob.ofUser(user).type("fail", PAYLOAD).createdAt(createdAt).timeoutSeconds(45)
                .traceId("trace-replayed").dead(4, now, BOOM).insertInto(jdbc);

        ApiResponse response = gateway().post(user, "/api/jobs/" + id + "/retry");

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.header("Location")).isEqualTo("/api/jobs/" + id);
        JsonNode job = response.json();
        assertThat(job.path("status").asString()).isEqualTo("pending");
        assertThat(job.path("generation").asInt()).isEqualTo(1);
        assertThat(job.path("attempts").asInt()).isZero();
        assertThat(job.path("timeout_seconds").asInt()).isEqualTo(45);
        assertThat(jobsTopic().jobRecordsOf(id)).singleElement().satisfies(record -> {
            assertThat(record.generation()).isEqualTo(1);
            assertThat(record.attempt()).isEqualTo(1);
            assertThat(record.userId()).isEqualTo(user);
            assertThat(record.payload().path("message").asString()).isEqualTo("boom");
            assertThat(record.maxRetries()).isEqualTo(3);
            assertThat(record.createdAt()).isEqualTo(createdAt);
            assertThat(record.traceId()).isEqualTo("trace-replayed");
            assertThat(record.timeoutSeconds()).isEqualTo(45);
            assertThat(record.notBefore()).isNull();
        });
    }

    @Test
    void jobThatDiedAgainAfterAReplayIsReplayedAsTheGenerationAfter() {
        String user = aNewUser();
        UUID id = ReadModelJob.ofUser(user).generation(1).dead(2, now, BOOM).insertInto(jdbc);
        jdbc.update("insert into gateway.replays values (?, 1, now(), now())", id);

        ApiResponse response = gateway().post(user, "/api/jobs/" + id + "/retry");

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.json().path("generation").asInt()).isEqualTo(2);
        assertThat(jobsTopic().jobRecordsOf(id)).extracting(JobRecord::generation).containsExactly(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pending", "running", "retrying", "done", "failed", "cancelled", "discarded"})
    void jobThatIsNotDeadIsNotReplayed(String status) {
        String user = aNewUser();
        UUID id = ReadModelJob.ofUser(user).status(status).insertInto(jdbc);

        ApiResponse response = gateway().post(user, "/api/jobs/" + id + "/retry");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("detail").asString()).contains(status);
        assertThat(jobsTopic().recordsOf(id.toString())).isEmpty();
    }

    @Test
    void deadJobWhoseRecordIsUnknownCannotBeReplayed() {
        String user = aNewUser();
        UUID id = ReadModelJob.ofUser(user).withoutPayload().dead(1, now, BOOM).insertInto(jdbc);

        ApiResponse response = gateway().post(user, "/api/jobs/" + id + "/retry");

        assertThat(response.status()).isEqualTo(409);
        assertThat(jobsTopic().recordsOf(id.toString())).isEmpty();
    }

    @Test
    void anotherUsersDeadJobIsNotFound() {
        UUID id = ReadModelJob.ofUser(aNewUser()).dead(4, now, BOOM).insertInto(jdbc);

        ApiResponse response = gateway().post(aNewUser(), "/api/jobs/" + id + "/retry");

        assertThat(response.status()).isEqualTo(404);
        assertThat(jobsTopic().recordsOf(id.toString())).isEmpty();
    }

    @Test
    void unknownJobIsNotFound() {
        assertThat(gateway().post(aNewUser(), "/api/jobs/" + UUID.randomUUID() + "/retry").status()).isEqualTo(404);
        assertThat(gateway().post(aNewUser(), "/api/jobs/not-an-id/retry").status()).isEqualTo(404);
    }

    @Test
    void twoConcurrentReplaysOfOneJobPublishItOnce() throws Exception {
        String user = aNewUser();
        UUID id = ReadModelJob.ofUser(user).dead(4, now, BOOM).insertInto(jdbc);
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<ApiResponse> replay = () -> {
            start.await();
            return gateway().post(user, "/api/jobs/" + id + "/retry");
        };

        List<ApiResponse> responses = concurrently(replay, replay);

        assertThat(responses).extracting(ApiResponse::status).containsExactlyInAnyOrder(202, 409);
        assertThat(jobsTopic().jobRecordsOf(id)).extracting(JobRecord::generation).containsExactly(1);
    }

    @Test
    void replayRequestedAgainAfterTheFirstWasPublishedIsAConflict() {
        String user = aNewUser();
        UUID id = ReadModelJob.ofUser(user).dead(4, now, BOOM).insertInto(jdbc);
        gateway().post(user, "/api/jobs/" + id + "/retry");

        ApiResponse again = gateway().post(user, "/api/jobs/" + id + "/retry");

        assertThat(again.status()).as("the read model still shows the job dead").isEqualTo(409);
        assertThat(jobsTopic().jobRecordsOf(id)).hasSize(1);
    }

    @Test
    void replayAbandonedByACrashedRequestIsTakenOver() {
        String user = aNewUser();
        UUID id = ReadModelJob.ofUser(user).dead(4, now, BOOM).insertInto(jdbc);
        jdbc.update("insert into gateway.replays values (?, 1, now() - interval '1 hour', null)", id);

        ApiResponse response = gateway().post(user, "/api/jobs/" + id + "/retry");

        assertThat(response.status()).isEqualTo(202);
        assertThat(jobsTopic().jobRecordsOf(id)).extracting(JobRecord::generation).containsExactly(1);
        assertThat(jdbc.queryForObject("select published_at is not null from gateway.replays where job_id = ?",
                Boolean.class, id)).isTrue();
    }

    @Test
    void bulkReplayReplaysTheCallersDeadJobsThatMatch() {
        String user = aNewUser();
        UUID refused = deadJob(user, "sleep", "java.net.ConnectException", "Connection refused", now);
        UUID refusedToo = deadJob(user, "compute", "java.net.ConnectException", "connection REFUSED", now);
        UUID boom = deadJob(user, "sleep", "java.lang.IllegalStateException", "boom", now);
        UUID othersRefused = deadJob(aNewUser(), "sleep", "java.net.ConnectException", "Connection refused", now);

        ApiResponse response = gateway().post(user, "/api/dlq/retry", "{\"q\": \"connection refused\"}");

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.json().path("replayed").asInt()).isEqualTo(2);
        assertThat(jobsTopic().jobRecordsOf(refused)).extracting(JobRecord::generation).containsExactly(1);
        assertThat(jobsTopic().jobRecordsOf(refusedToo)).extracting(JobRecord::generation).containsExactly(1);
        assertThat(jobsTopic().recordsOf(boom.toString())).isEmpty();
        assertThat(jobsTopic().recordsOf(othersRefused.toString())).isEmpty();
    }

    @Test
    void bulkReplayFiltersByTypeAndTimeOfDeath() {
        String user = aNewUser();
        UUID oldSleep = deadJob(user, "sleep", "E", "boom", now.minusSeconds(3600));
        UUID newSleep = deadJob(user, "sleep", "E", "boom", now);
        UUID oldCompute = deadJob(user, "compute", "E", "boom", now.minusSeconds(3600));

        ApiResponse response = gateway().post(user, "/api/dlq/retry",
                "{\"type\": \"sleep\", \"older_than\": \"" + now.minusSeconds(60) + "\"}");

        assertThat(response.json().path("replayed").asInt()).isEqualTo(1);
        assertThat(jobsTopic().recordsOf(oldSleep.toString())).hasSize(1);
        assertThat(jobsTopic().recordsOf(newSleep.toString())).isEmpty();
        assertThat(jobsTopic().recordsOf(oldCompute.toString())).isEmpty();
    }

    @Test
    void bulkReplayWithoutAFilterReplaysEveryDeadJobAndSkipsThoseBeingReplayed() {
        String user = aNewUser();
        UUID free = deadJob(user, "sleep", "E", "boom", now);
        UUID busy = deadJob(user, "sleep", "E", "boom", now);
        ReadModelJob.ofUser(user).status("done").insertInto(jdbc);
        jdbc.update("insert into gateway.replays values (?, 1, now(), null)", busy);

        ApiResponse response = gateway().post(user, "/api/dlq/retry", "{}");

        assertThat(response.json().path("replayed").asInt()).isEqualTo(1);
        assertThat(jobsTopic().recordsOf(free.toString())).hasSize(1);
        assertThat(jobsTopic().recordsOf(busy.toString())).isEmpty();
    }

    @Test
    void bulkReplayWithoutABodyReplaysEveryDeadJob() {
        String user = aNewUser();
        deadJob(user, "sleep", "E", "boom", now);

        ApiResponse response = gateway().send(gateway().request("/api/dlq/retry").header("X-User-Id", user)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.json().path("replayed").asInt()).isEqualTo(1);
    }

    @Test
    void bulkReplayWithAnInvalidFilterNamesEveryOffendingField() {
        ApiResponse response = gateway().post(aNewUser(), "/api/dlq/retry",
                "{\"type\": 5, \"q\": \"\", \"older_than\": \"yesterday\", \"status\": \"dead\"}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.errorFields()).containsExactlyInAnyOrder("type", "q", "older_than", "status");
    }

    @Test
    void bulkReplayOfAnotherBodyThanAnObjectIsRefused() {
        ApiResponse response = gateway().post(aNewUser(), "/api/dlq/retry", "[]");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.errorFields()).containsExactly("body");
    }

    private UUID deadJob(String user, String type, String errorType, String message, Instant diedAt) {
        String payload = "sleep".equals(type) ? "{\"type\": \"sleep\", \"duration\": 1}"
                : "{\"type\": \"compute\", \"size\": 5}";
        return ReadModelJob.ofUser(user).type(type, payload).createdAt(diedAt.minusSeconds(9))
                .dead(4, diedAt, ReadModelEvent.error(errorType, message)).insertInto(jdbc);
    }

    @SafeVarargs
    private static List<ApiResponse> concurrently(Callable<ApiResponse>... requests) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(requests.length);
        try {
            List<Future<ApiResponse>> futures = clients.invokeAll(List.of(requests));
            List<ApiResponse> responses = new ArrayList<>();
            for (Future<ApiResponse> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            clients.shutdownNow();
        }
    }
}
