package dev.jobstream.gateway.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstream.contract.JobControl;
import dev.jobstream.gateway.ApiResponse;
import dev.jobstream.gateway.GatewayIntegrationTest;
import dev.jobstream.gateway.JobBodies;
import dev.jobstream.gateway.ReadModelEvent;
import dev.jobstream.gateway.ReadModelJob;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobControlTest extends GatewayIntegrationTest {

    private static final Instant STARTED = Instant.parse("2026-01-02T03:04:05Z");
    private static final String BOOM = ReadModelEvent.error("java.lang.IllegalStateException", "boom");

    @ParameterizedTest
    @ValueSource(strings = {"pending", "retrying", "running"})
    void jobThatHasNotSettledIsCancelled(String status) {
        String user = aNewUser();
        Instant before = Instant.now();
        UUID id = ReadModelJob.ofUser(user).status(status).generation(2).ran(3, STARTED, null, "w").insertInto(jdbc);

        ApiResponse response = gateway().post(user, "/api/jobs/" + id + "/cancel");

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.json().path("id").asString()).isEqualTo(id.toString());
        assertThat(response.json().path("status").asString()).isEqualTo(status);
        assertThat(controlTopic().controlsOf(id)).singleElement().satisfies(control -> {
            assertThat(control.action()).isEqualTo(JobControl.Action.CANCEL);
            assertThat(control.jobId()).isEqualTo(id);
            assertThat(control.userId()).isEqualTo(user);
            assertThat(control.requestedBy()).isEqualTo(user);
            assertThat(control.generation()).isEqualTo(2);
            assertThat(control.attempt()).isEqualTo(3);
            assertThat(control.requestedAt()).isBetween(before, Instant.now());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"done", "failed", "dead", "cancelled", "discarded"})
    void settledJobIsNotCancelled(String status) {
        String user = aNewUser();
        UUID id = ReadModelJob.ofUser(user).status(status).insertInto(jdbc);

        ApiResponse response = gateway().post(user, "/api/jobs/" + id + "/cancel");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(controlTopic().recordsOf(id.toString())).isEmpty();
    }

    @Test
    void jobJustAcceptedCanBeCancelledBeforeTheReadModelHasIt() {
        String user = aNewUser();
        String id = gateway().submit(user, JobBodies.sleepJob(5)).json().path("id").asString();

        ApiResponse response = gateway().post(user, "/api/jobs/" + id + "/cancel");

        assertThat(response.status()).isEqualTo(202);
        assertThat(controlTopic().controlsOf(id)).singleElement().satisfies(control -> {
            assertThat(control.action()).isEqualTo(JobControl.Action.CANCEL);
            assertThat(control.generation()).isZero();
        });
    }

    @Test
    void deadJobIsDiscarded() {
        String user = aNewUser();
        UUID id = ReadModelJob.ofUser(user).generation(1).dead(4, STARTED, BOOM).insertInto(jdbc);

        ApiResponse response = gateway().delete(user, "/api/jobs/" + id);

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.json().path("status").asString()).isEqualTo("dead");
        assertThat(controlTopic().controlsOf(id)).singleElement().satisfies(control -> {
            assertThat(control.action()).isEqualTo(JobControl.Action.DISCARD);
            assertThat(control.generation()).isEqualTo(1);
            assertThat(control.attempt()).isEqualTo(4);
            assertThat(control.userId()).isEqualTo(user);
        });
        assertThat(jdbc.queryForObject("select status from readmodel.jobs where id = ?", String.class, id))
                .as("the processor discards it; the gateway only asks").isEqualTo("dead");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pending", "running", "retrying", "done", "failed", "cancelled", "discarded"})
    void jobThatIsNotDeadIsNotDiscarded(String status) {
        String user = aNewUser();
        UUID id = ReadModelJob.ofUser(user).status(status).insertInto(jdbc);

        ApiResponse response = gateway().delete(user, "/api/jobs/" + id);

        assertThat(response.status()).isEqualTo(409);
        assertThat(controlTopic().recordsOf(id.toString())).isEmpty();
    }

    @Test
    void anotherUsersJobCanBeNeitherCancelledNorDiscarded() {
        UUID running = ReadModelJob.ofUser(aNewUser()).status("running").insertInto(jdbc);
        UUID dead = ReadModelJob.ofUser(aNewUser()).dead(4, STARTED, BOOM).insertInto(jdbc);
        String stranger = aNewUser();

        ApiResponse cancel = gateway().post(stranger, "/api/jobs/" + running + "/cancel");
        ApiResponse discard = gateway().delete(stranger, "/api/jobs/" + dead);

        assertThat(cancel.status()).isEqualTo(404);
        assertThat(discard.status()).isEqualTo(404);
        assertThat(controlTopic().recordsOf(running.toString())).isEmpty();
        assertThat(controlTopic().recordsOf(dead.toString())).isEmpty();
    }

    @Test
    void unknownJobCanBeNeitherCancelledNorDiscarded() {
        String id = UUID.randomUUID().toString();

        assertThat(gateway().post(aNewUser(), "/api/jobs/" + id + "/cancel").status()).isEqualTo(404);
        assertThat(gateway().delete(aNewUser(), "/api/jobs/" + id).status()).isEqualTo(404);
        assertThat(gateway().delete(aNewUser(), "/api/jobs/nope").status()).isEqualTo(404);
    }
}
