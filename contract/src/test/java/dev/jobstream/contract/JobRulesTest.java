package dev.jobstream.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class JobRulesTest {

    private final JobRules rules = new JobRules(new PayloadLimits(Duration.ofSeconds(60), 1_000));

    @ParameterizedTest
    @ValueSource(strings = {"\"5s\"", "2.7", "true", "null", "0", "-1", "61", "1e2", "99999999999999999999999"})
    void sleepDurationMustBeAWholeNumberOfSecondsWithinTheLimit(String duration) {
        assertThat(rules.checkPayload(json("{\"type\": \"sleep\", \"duration\": " + duration + "}")))
                .extracting(Violation::field).containsExactly("payload.duration");
    }

    @Test
    void validPayloadsOfEveryTypePass() {
        assertThat(rules.checkPayload(json("{\"type\": \"sleep\", \"duration\": 60}"))).isEmpty();
        assertThat(rules.checkPayload(json("{\"type\": \"compute\", \"size\": 1000}"))).isEmpty();
        assertThat(rules.checkPayload(json("{\"type\": \"compute\"}"))).isEmpty();
        assertThat(rules.checkPayload(json("{\"type\": \"fail\", \"message\": \"no\"}"))).isEmpty();
        assertThat(rules.checkPayload(json("{\"type\": \"default\"}"))).isEmpty();
    }

    @Test
    void sleepTakesMillisecondsInsteadOfSecondsButNotBoth() {
        assertThat(rules.checkPayload(json("{\"type\": \"sleep\", \"duration_ms\": 10}"))).isEmpty();
        assertThat(rules.checkPayload(json("{\"type\": \"sleep\", \"duration_ms\": 60001}")))
                .extracting(Violation::field).containsExactly("payload.duration_ms");
        assertThat(rules.checkPayload(json("{\"type\": \"sleep\", \"duration_ms\": 10, \"duration\": 1}")))
                .extracting(Violation::field).containsExactly("payload.duration_ms");
    }

    @Test
    void parameterTheTypeDoesNotTakeIsNamed() {
        assertThat(rules.checkPayload(json("{\"type\": \"default\", \"duration\": 1}")))
                .extracting(Violation::field).containsExactly("payload.duration");
    }

    @Test
    void missingOrUnknownTypeIsAViolationOfTheTypeField() {
        assertThat(rules.checkPayload(json("{}"))).extracting(Violation::field).containsExactly("payload.type");
        assertThat(rules.checkPayload(json("{\"type\": 3}"))).extracting(Violation::field)
                .containsExactly("payload.type");
        assertThat(rules.checkPayload(json("{\"type\": \"teleport\"}"))).extracting(Violation::field)
                .containsExactly("payload.type");
    }

    @Test
    void payloadMustBeAnObject() {
        assertThat(rules.checkPayload(null)).extracting(Violation::field).containsExactly("payload");
        assertThat(rules.checkPayload(json("[1]"))).extracting(Violation::field).containsExactly("payload");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "26", "\"3\"", "3.0", "false", "null"})
    void maxRetriesMustBeAWholeNumberFromZeroToTwentyFive(String value) {
        assertThat(rules.checkMaxRetries(json(value))).extracting(Violation::field).containsExactly("max_retries");
    }

    @ParameterizedTest
    @ValueSource(strings = {"26", "99999999999999999999", "-99999999999999999999"})
    void aWholeNumberOutOfRangeIsToldTheRangeHoweverLarge(String value) {
        assertThat(rules.checkMaxRetries(json(value))).extracting(Violation::message)
                .containsExactly("must be between 0 and 25");
    }

    @Test
    void absentMaxRetriesIsFine() {
        assertThat(rules.checkMaxRetries(null)).isEmpty();
        assertThat(rules.checkMaxRetries(json("0"))).isEmpty();
        assertThat(rules.checkMaxRetries(json("25"))).isEmpty();
    }

    private static JsonNode json(String text) {
        return JobCodec.mapper().readTree(text);
    }
}
