package dev.jobstream.processor.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.JobRules;
import dev.jobstream.contract.PayloadLimits;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class JobHandlersTest {

    private static final JobRules RULES = new JobRules(PayloadLimits.DEFAULTS);
    private static final JobContext CONTEXT = new JobContext(UUID.randomUUID(), 0, 1, "test-worker", null);

    private final List<JobHandler> all = List.of(new SleepJobHandler(), new ComputeJobHandler(),
            new FailJobHandler(), new DefaultJobHandler());

    @Test
    void everyTypeTheContractAcceptsHasItsHandler() throws JobFailedException {
        // when
        JobHandlers handlers = new JobHandlers(all, RULES);

        // then
        for (String type : RULES.types()) {
            assertThat(handlers.forType(type).type()).isEqualTo(type);
        }
    }

    @Test
    void refusesToStartWhenATypeHasNoHandler() {
        // when / then
        assertThatThrownBy(() -> new JobHandlers(all.subList(0, 3), RULES))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("default");
    }

    @Test
    void refusesToStartWhenTwoHandlersClaimOneType() {
        // given
        List<JobHandler> twice = List.of(all.get(0), all.get(1), all.get(2), all.get(3), new DefaultJobHandler());

        // when / then
        assertThatThrownBy(() -> new JobHandlers(twice, RULES))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Two handlers");
    }

    @Test
    void computeCountsPrimesUpToItsSize() throws Exception {
        // when
        JsonNode result = new ComputeJobHandler().run(payload("compute").put("size", 1000), CONTEXT);

        // then
        assertThat(result.get("size").asLong()).isEqualTo(1000);
        assertThat(result.get("primes").asLong()).isEqualTo(168);
    }

    @Test
    void failThrowsWithItsMessage() {
        // when / then
        assertThatThrownBy(() -> new FailJobHandler().run(payload("fail").put("message", "no"), CONTEXT))
                .isInstanceOf(JobFailedException.class).hasMessage("no");
        assertThatThrownBy(() -> new FailJobHandler().run(payload("fail"), CONTEXT))
                .isInstanceOf(JobFailedException.class).hasMessage("job failed as requested");
    }

    @Test
    void sleepStopsWhenItsThreadIsInterrupted() {
        // given
        Thread.currentThread().interrupt();

        // when / then
        assertThatThrownBy(() -> new SleepJobHandler().run(payload("sleep").put("duration", 3600), CONTEXT))
                .isInstanceOf(InterruptedException.class);
    }

    private static ObjectNode payload(String type) {
        return JobCodec.mapper().createObjectNode().put("type", type);
    }
}
