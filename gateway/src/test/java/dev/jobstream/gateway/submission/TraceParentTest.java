package dev.jobstream.gateway.submission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraceParentTest {

    @Test
    void traceIdIsTakenFromAValidHeader() {
        String header = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        assertThat(TraceParent.traceIdOf(header)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", "00-4bf92f35-00f067aa0ba902b7-01"})
    void invalidHeaderGivesNoTraceId(String header) {
        assertThat(TraceParent.traceIdOf(header)).isNull();
    }

    @Test
    void missingHeaderGivesNoTraceId() {
        assertThat(TraceParent.traceIdOf(null)).isNull();
    }

    @Test
    void requestWithoutAValidHeaderStartsATraceOfItsOwn() {
        String first = TraceParent.traceIdOrNew(null);
        String second = TraceParent.traceIdOrNew("garbage");

        assertThat(first).matches("[0-9a-f]{32}");
        assertThat(second).matches("[0-9a-f]{32}").isNotEqualTo(first);
    }

    @Test
    void validHeaderKeepsItsTraceId() {
        String header = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        assertThat(TraceParent.traceIdOrNew(header)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }
}
