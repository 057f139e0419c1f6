package dev.jobstream.gateway.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstream.gateway.ApiResponse;
import dev.jobstream.gateway.GatewayIntegrationTest;
import dev.jobstream.gateway.JobBodies;
import dev.jobstream.gateway.ReadModelEvent;
import dev.jobstream.gateway.ReadModelJob;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class JobQueryTest extends GatewayIntegrationTest {

    private static final Instant STARTED = Instant.parse("2026-01-02T03:04:05.123456Z");

    @Test
    void jobIsShownAsTheReadModelHasIt() {
        String user = aNewUser();
        UUID id = ReadModelJob.ofUser(user).status("failed").ran(2, STARTED, STARTED.plusMillis(1500), "worker-1")
                .type("fail", "{\"type\": \"fail\", \"message\": \"boom\"}").traceId("trace-1")
                .lastError("{\"type\": \"IllegalStateException\", \"message\": \"boom\", \"stack\": \"at x\"}")
                .insertInto(jdbc);

        ApiResponse response = gateway().get(user, "/api/jobs/" + id);

        assertThat(response.status()).isEqualTo(200);
        JsonNode job = response.json();
        assertThat(job.path("id").asString()).isEqualTo(id.toString());
        assertThat(job.path("status").asString()).isEqualTo("failed");
        assertThat(job.path("type").asString()).isEqualTo("fail");
        assertThat(job.path("payload").path("message").asString()).isEqualTo("boom");
        assertThat(job.path("attempts").asInt()).isEqualTo(2);
        assertThat(job.path("max_retries").asInt()).isEqualTo(3);
        assertThat(job.path("started_at").asString()).isEqualTo("2026-01-02T03:04:05.123456Z");
        assertThat(job.path("duration_ms").asLong()).isEqualTo(1500);
        assertThat(job.path("last_error").path("message").asString()).isEqualTo("boom");
        assertThat(job.path("last_error").has("stack")).as("stack traces stay internal").isFalse();
        assertThat(job.path("trace_id").asString()).isEqualTo("trace-1");
        assertThat(job.has("worker_id")).isFalse();
        assertThat(job.has("result")).isFalse();
    }

    @Test
    void finishedJobShowsItsResult() {
        String user = aNewUser();
        UUID id = ReadModelJob.ofUser(user).status("done").ran(1, STARTED, STARTED.plusSeconds(1), "w")
                .result("{\"sum\": 42}").insertInto(jdbc);

        JsonNode job = gateway().get(user, "/api/jobs/" + id).json();

        assertThat(job.path("result").path("sum").asInt()).isEqualTo(42);
        assertThat(job.has("last_error")).isFalse();
    }

    @Test
    void jobShowsTheErrorOfEachFailedAttemptOldestFirst() {
        String user = aNewUser();
        UUID id = ReadModelJob.ofUser(user).generation(1).dead(2, STARTED.plusSeconds(60),
                ReadModelEvent.error("java.io.IOException", "third")).insertInto(jdbc);
        new ReadModelEvent(id, 1, 2, "dead", STARTED.plusSeconds(60), ReadModelEvent.error("java.io.IOException",
                "third")).insertInto(jdbc);
        new ReadModelEvent(id, 0, 1, "retrying", STARTED, ReadModelEvent.error("IllegalStateException", "first"))
                .insertInto(jdbc);
        new ReadModelEvent(id, 0, 1, "running", STARTED.minusSeconds(1), null).insertInto(jdbc);
        new ReadModelEvent(id, 0, 2, "dead", STARTED.plusSeconds(10), ReadModelEvent.error("IllegalStateException",
                "second")).insertInto(jdbc);

        JsonNode job = gateway().get(user, "/api/jobs/" + id).json();

        JsonNode errors = job.path("errors");
        assertThat(errors.valueStream().map(error -> error.path("error").path("message").asString()))
                .containsExactly("first", "second", "third");
        JsonNode first = errors.get(0);
        assertThat(first.path("generation").asInt()).isZero();
        assertThat(first.path("attempt").asInt()).isEqualTo(1);
        assertThat(first.path("status").asString()).isEqualTo("retrying");
        assertThat(first.path("occurred_at").asString()).isEqualTo("2026-01-02T03:04:05.123456Z");
        assertThat(first.path("error").path("type").asString()).isEqualTo("IllegalStateException");
        assertThat(first.path("error").has("stack")).as("stack traces stay internal").isFalse();
        assertThat(job.path("generation").asInt()).isEqualTo(1);
    }

    @Test
    void jobWithoutFailedAttemptsShowsNoErrors() {
        String user = aNewUser();
        UUID id = ReadModelJob.ofUser(user).status("running").ran(1, STARTED, null, "w").insertInto(jdbc);
        new ReadModelEvent(id, 0, 1, "running", STARTED, null).insertInto(jdbc);

        JsonNode job = gateway().get(user, "/api/jobs/" + id).json();

        assertThat(job.has("errors")).isFalse();
    }

    @Test
    void listedJobsCarryNoErrors() {
        String user = aNewUser();
        UUID id = ReadModelJob.ofUser(user).dead(1, STARTED, ReadModelEvent.error("E", "boom")).insertInto(jdbc);
        new ReadModelEvent(id, 0, 1, "dead", STARTED, ReadModelEvent.error("E", "boom")).insertInto(jdbc);

        JsonNode page = gateway().get(user, "/api/jobs").json();

        assertThat(page.path("items").get(0).has("errors")).isFalse();
        assertThat(page.path("items").get(0).path("last_error").path("message").asString()).isEqualTo("boom");
    }

    @Test
    void retryingJobShowsWhenItRunsNextAndWhyItFailed() {
        String user = aNewUser();
        Instant next = STARTED.plusSeconds(30);
        UUID id = ReadModelJob.ofUser(user).status("retrying").ran(1, STARTED, null, "w").nextAttemptAt(next)
                .lastError(ReadModelEvent.error("java.net.ConnectException", "refused")).insertInto(jdbc);

        JsonNode job = gateway().get(user, "/api/jobs/" + id).json();

        assertThat(job.path("status").asString()).isEqualTo("retrying");
        assertThat(Instant.parse(job.path("next_attempt_at").asString())).isEqualTo(next);
        assertThat(job.path("last_error").path("type").asString()).isEqualTo("java.net.ConnectException");
        assertThat(job.path("last_error").path("message").asString()).isEqualTo("refused");
    }

    @Test
    void jobShowsItsTimeoutWhenItHasOne() {
        String user = aNewUser();
        UUID timed = ReadModelJob.ofUser(user).timeoutSeconds(90).insertInto(jdbc);
        UUID untimed = ReadModelJob.ofUser(user).insertInto(jdbc);

        assertThat(gateway().get(user, "/api/jobs/" + timed).json().path("timeout_seconds").asInt()).isEqualTo(90);
        assertThat(gateway().get(user, "/api/jobs/" + untimed).json().has("timeout_seconds")).isFalse();
    }

    @Test
    void anotherUsersJobIsNotFound() {
        UUID id = ReadModelJob.ofUser(aNewUser()).insertInto(jdbc);

        ApiResponse response = gateway().get(aNewUser(), "/api/jobs/" + id);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anotherUsersJustAcceptedJobIsNotFound() {
        ApiResponse accepted = gateway().submit(aNewUser(), JobBodies.sleepJob(1));

        ApiResponse response = gateway().get(aNewUser(), accepted.header("Location"));

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void jobWithoutOwnerIsNotFound() {
        UUID id = ReadModelJob.ofUser(null).insertInto(jdbc);

        assertThat(gateway().get(aNewUser(), "/api/jobs/" + id).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0190a9b4-1b2c-7d3e-8f40-5a6b7c8d9e0f", "not-a-uuid", "1-1-1-1-1", "123",
        "0190a9b4-1b2c-7d3e-8f40-5a6b7c8d9e0f0"})
    void unknownOrMalformedIdIsNotFound(String id) {
        ApiResponse response = gateway().get(aNewUser(), "/api/jobs/" + id);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void readModelIsPreferredOnceItHasTheJob() {
        String user = aNewUser();
        String id = gateway().submit(user, JobBodies.sleepJob(1)).json().path("id").asString();
        ReadModelJob.ofUser(user).id(UUID.fromString(id)).status("running").ran(1, STARTED, null, "w")
                .insertInto(jdbc);

        JsonNode job = gateway().get(user, "/api/jobs/" + id).json();

        assertThat(job.path("status").asString()).isEqualTo("running");
        assertThat(job.path("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void jobsAreListedNewestFirstPageByPage() {
        String user = aNewUser();
        Instant base = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID oldest = ReadModelJob.ofUser(user).createdAt(base.minusSeconds(30)).insertInto(jdbc);
        UUID tiedLow = ReadModelJob.ofUser(user).id(new UUID(1, 1)).createdAt(base.minusSeconds(20)).insertInto(jdbc);
        UUID tiedHigh = ReadModelJob.ofUser(user).id(new UUID(1, 2)).createdAt(base.minusSeconds(20)).insertInto(jdbc);
        UUID newer = ReadModelJob.ofUser(user).createdAt(base.minusSeconds(10)).insertInto(jdbc);
        UUID newest = ReadModelJob.ofUser(user).createdAt(base).insertInto(jdbc);

        JsonNode first = gateway().get(user, "/api/jobs?limit=2").json();
        JsonNode second = pageAfter(user, "limit=2", first);
        JsonNode third = pageAfter(user, "limit=2", second);

        assertThat(ids(first)).containsExactly(newest.toString(), newer.toString());
        assertThat(ids(second)).containsExactly(tiedHigh.toString(), tiedLow.toString());
        assertThat(ids(third)).containsExactly(oldest.toString());
        assertThat(third.has("next_cursor")).isFalse();
    }

    @Test
    void jobsWhoseCreationTimeIsNotKnownYetComeFirst() {
        String user = aNewUser();
        UUID dated = ReadModelJob.ofUser(user).insertInto(jdbc);
        UUID undatedLow = ReadModelJob.ofUser(user).id(new UUID(2, 1)).createdAt(null).insertInto(jdbc);
        UUID undatedHigh = ReadModelJob.ofUser(user).id(new UUID(2, 2)).createdAt(null).insertInto(jdbc);

        JsonNode first = gateway().get(user, "/api/jobs?limit=1").json();
        JsonNode second = pageAfter(user, "limit=1", first);
        JsonNode third = pageAfter(user, "limit=1", second);

        assertThat(ids(first)).containsExactly(undatedHigh.toString());
        assertThat(ids(second)).containsExactly(undatedLow.toString());
        assertThat(ids(third)).containsExactly(dated.toString());
    }

    @Test
    void listingShowsOnlyTheCallersJobsMatchingTheFilters() {
        String user = aNewUser();
        UUID doneSleep = ReadModelJob.ofUser(user).status("done").insertInto(jdbc);
        ReadModelJob.ofUser(user).status("pending").insertInto(jdbc);
        ReadModelJob.ofUser(user).status("done").type("compute", "{\"type\": \"compute\", \"size\": 5}")
                .insertInto(jdbc);
        ReadModelJob.ofUser(aNewUser()).status("done").insertInto(jdbc);

        JsonNode page = gateway().get(user, "/api/jobs?status=done&type=sleep").json();

        assertThat(ids(page)).containsExactly(doneSleep.toString());
        assertThat(page.has("next_cursor")).isFalse();
    }

    @Test
    void userWithoutJobsGetsAnEmptyList() {
        ApiResponse response = gateway().get(aNewUser(), "/api/jobs");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("items").isArray()).isTrue();
        assertThat(response.json().path("items").isEmpty()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=201", "limit=-5", "limit=abc", "limit=", "limit=1.5",
        "limit=99999999999999999999", "status=PENDING", "status=bogus", "status=", "cursor=%21%21%21",
        "cursor=bm90LWEtY3Vyc29y", "cursor=", "type=%00", "type=%20", "type="})
    void invalidListingParametersAreRefused(String query) {
        ApiResponse response = gateway().get(aNewUser(), "/api/jobs?" + query);

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.errorFields()).containsExactly(query.substring(0, query.indexOf('=')));
    }

    private JsonNode pageAfter(String user, String query, JsonNode previous) {
        return gateway().get(user, "/api/jobs?" + query + "&cursor=" + previous.path("next_cursor").asString()).json();
    }

    private static List<String> ids(JsonNode page) {
        return page.path("items").valueStream().map(item -> item.path("id").asString()).toList();
    }
}
