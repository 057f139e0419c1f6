package dev.jobstream.projector.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstream.contract.JobCodec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class SqlValuesTest {

    @Test
    void aNulInTextIsStoredAsTheReplacementCharacter() {
        String stored = SqlValues.storableText("a\0b");

        assertThat(stored).isEqualTo("a\uFFFDb");
    }

    @Test
    void anEscapedNulInJsonIsStoredAsTheReplacementCharacter() {
        ObjectNode value = JobCodec.mapper().createObjectNode().put("message", "a\0b");

        String stored = SqlValues.storableJson(value);

        assertThat(JobCodec.mapper().readTree(stored).get("message").asString()).isEqualTo("a\uFFFDb");
    }

    @Test
    void aBackslashBeforeTheLettersOfANulEscapeIsKept() {
        ObjectNode value = JobCodec.mapper().createObjectNode().put("message", "\\u0000");

        String stored = SqlValues.storableJson(value);

        assertThat(JobCodec.mapper().readTree(stored).get("message").asString()).isEqualTo("\\u0000");
    }
}
