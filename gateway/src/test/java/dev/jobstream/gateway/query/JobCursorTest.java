package dev.jobstream.gateway.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobCursorTest {

    @Test
    void cursorSurvivesTheRoundTrip() {
        JobCursor cursor = new JobCursor(Instant.parse("2026-03-04T05:06:07.123456Z"), UUID.randomUUID());

        JobCursor decoded = JobCursor.decode(cursor.encode());

        assertThat(decoded).isEqualTo(cursor);
    }

    @Test
    void cursorOfAJobWithoutCreationTimeSurvivesTheRoundTrip() {
        JobCursor cursor = new JobCursor(null, UUID.randomUUID());

        assertThat(JobCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void cursorIsUrlSafeText() {
        String text = new JobCursor(Instant.now(), UUID.randomUUID()).encode();

        assertThat(text).matches("[A-Za-z0-9_-]+");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "!!!", "bm8tc2VwYXJhdG9y", "fHg", "LXxub3QtYS11dWlk"})
    void textThatIsNotACursorIsRefused(String text) {
        assertThatThrownBy(() -> JobCursor.decode(text)).isInstanceOf(RuntimeException.class);
    }
}
