package dev.jobstream.gateway.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstream.gateway.ApiResponse;
import dev.jobstream.gateway.GatewayIntegrationTest;
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

class DeadLetterQueryTest extends GatewayIntegrationTest {

    private static final String REFUSED = ReadModelEvent.error("java.net.ConnectException", "Connection refused");
    private static final String BOOM = ReadModelEvent.error("java.lang.IllegalStateException", "boom");

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Test
    void deadLetterQueueHoldsOnlyTheCallersDeadJobsNewestFirst() {
        String user = aNewUser();
        UUID older = deadJob(user, "sleep", now.minusSeconds(20), BOOM);
        UUID newer = deadJob(user, "sleep", now.minusSeconds(10), REFUSED);
        ReadModelJob.ofUser(user).status("failed").lastError(BOOM).insertInto(jdbc);
        ReadModelJob.ofUser(user).status("retrying").lastError(BOOM).insertInto(jdbc);
        deadJob(aNewUser(), "sleep", now, BOOM);

        ApiResponse response = gateway().get(user, "/api/dlq");

        assertThat(response.status()).isEqualTo(200);
        assertThat(ids(response.json())).containsExactly(newer.toString(), older.toString());
        JsonNode item = response.json().path("items").get(0);
        assertThat(item.path("status").asString()).isEqualTo("dead");
        assertThat(item.path("last_error").path("message").asString()).isEqualTo("Connection refused");
        assertThat(item.path("payload").path("type").asString()).isEqualTo("sleep");
    }

    @Test
    void deadJobsAreFilteredByType() {
        String user = aNewUser();
        deadJob(user, "sleep", now.minusSeconds(2), BOOM);
        UUID compute = deadJob(user, "compute", now.minusSeconds(1), BOOM);

        JsonNode page = gateway().get(user, "/api/dlq?type=compute").json();

        assertThat(ids(page)).containsExactly(compute.toString());
    }

    @Test
    void deadJobsAreFilteredByTheMessageOrTypeOfTheirErrorIgnoringCase() {
        String user = aNewUser();
        UUID refused = deadJob(user, "sleep", now.minusSeconds(2), REFUSED);
        UUID boom = deadJob(user, "sleep", now.minusSeconds(1), BOOM);

        assertThat(ids(gateway().get(user, "/api/dlq?q=connection%20REFUSED").json()))
                .containsExactly(refused.toString());
        assertThat(ids(gateway().get(user, "/api/dlq?q=illegalstate").json())).containsExactly(boom.toString());
        assertThat(ids(gateway().get(user, "/api/dlq?q=java.").json()))
                .containsExactly(boom.toString(), refused.toString());
        assertThat(ids(gateway().get(user, "/api/dlq?q=%25").json())).as("no wildcards").isEmpty();
    }

    @Test
    void deadJobsAreListedPageByPage() {
        String user = aNewUser();
        UUID oldest = deadJob(user, "sleep", now.minusSeconds(3), BOOM);
        UUID middle = deadJob(user, "sleep", now.minusSeconds(2), BOOM);
        UUID newest = deadJob(user, "sleep", now.minusSeconds(1), BOOM);

        JsonNode first = gateway().get(user, "/api/dlq?limit=2").json();
        JsonNode second = gateway().get(user, "/api/dlq?limit=2&cursor=" + first.path("next_cursor").asString())
                .json();

        assertThat(ids(first)).containsExactly(newest.toString(), middle.toString());
        assertThat(ids(second)).containsExactly(oldest.toString());
        assertThat(second.has("next_cursor")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"q=", "q=%20", "q=a%00b", "limit=0", "limit=201", "type=", "cursor=nope"})
    void invalidDeadLetterParametersAreRefused(String query) {
        ApiResponse response = gateway().get(aNewUser(), "/api/dlq?" + query);

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.errorFields()).containsExactly(query.substring(0, query.indexOf('=')));
    }

    @Test
    void errorTextOfMoreThanTwoHundredCharactersIsRefused() {
        ApiResponse response = gateway().get(aNewUser(), "/api/dlq?q=" + "x".repeat(201));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.errorFields()).containsExactly("q");
    }

    private UUID deadJob(String user, String type, Instant createdAt, String error) {
        return ReadModelJob.ofUser(user).type(type, "{\"type\": \"" + type + "\"}").createdAt(createdAt)
                .dead(4, createdAt.plusSeconds(5), error).insertInto(jdbc);
    }

    private static List<String> ids(JsonNode page) {
        return page.path("items").valueStream().map(item -> item.path("id").asString()).toList();
    }
}
