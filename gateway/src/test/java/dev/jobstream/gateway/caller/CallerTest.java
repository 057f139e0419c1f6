package dev.jobstream.gateway.caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallerTest {

    @Test
    void callerIsTheUserTheHeaderNames() {
        assertThat(Caller.fromHeader("alice").userId()).isEqualTo("alice");
    }

    @Test
    void userIdOfTheLongestLengthIsAccepted() {
        assertThat(Caller.fromHeader("u".repeat(128)).userId()).hasSize(128);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t", "a\u0000b", "a\nb", "a\u007fb"})
    void blankOrControlCharacterUserIdIsUnknown(String header) {
        assertThatThrownBy(() -> Caller.fromHeader(header)).isInstanceOf(UnknownCallerException.class);
    }

    @Test
    void missingOrTooLongUserIdIsUnknown() {
        assertThatThrownBy(() -> Caller.fromHeader(null)).isInstanceOf(UnknownCallerException.class);
        assertThatThrownBy(() -> Caller.fromHeader("u".repeat(129))).isInstanceOf(UnknownCallerException.class);
    }
}
