package dev.jobstream.processor.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    @Test
    void waitsDoubleFromTheBaseUntilTheCapWithoutJitter() {
        // given
        RetryBackoff backoff = new RetryBackoff(new RetryProperties(Duration.ofSeconds(1), 2.0,
                Duration.ofMinutes(5), 0.0));

        // when / then
        assertThat(IntStream.rangeClosed(1, 11).mapToObj(backoff::after).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 300L, 300L);
    }

    @Test
    void jitterSpreadsEachWaitWithinItsFractionAndNeverBeyondTheCap() {
        // given
        RetryBackoff backoff = new RetryBackoff(new RetryProperties(Duration.ofSeconds(1), 2.0,
                Duration.ofMinutes(5), 0.2));

        // when / then
        for (int i = 0; i < 1_000; i++) {
            assertThat(backoff.after(1)).isBetween(Duration.ofMillis(800), Duration.ofMillis(1200));
            assertThat(backoff.after(3)).isBetween(Duration.ofMillis(3200), Duration.ofMillis(4800));
            assertThat(backoff.after(20)).isBetween(Duration.ofSeconds(240), Duration.ofMinutes(5));
        }
    }

    @Test
    void jitterActuallySpreadsTheWaits() {
        // given
        RetryBackoff backoff = new RetryBackoff(new RetryProperties(Duration.ofSeconds(1), 2.0,
                Duration.ofMinutes(5), 0.2));

        // when / then
        assertThat(IntStream.range(0, 100).mapToObj(i -> backoff.after(2)).distinct().count()).isGreaterThan(10);
    }

    @Test
    void refusesSettingsThatMakeNoSense() {
        // when / then
        assertThatThrownBy(() -> new RetryProperties(Duration.ofSeconds(1), 0.5, Duration.ofMinutes(5), 0.2))
                .hasMessageContaining("factor");
        assertThatThrownBy(() -> new RetryProperties(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(5), 1.0))
                .hasMessageContaining("jitter");
        assertThatThrownBy(() -> new RetryProperties(Duration.ofMinutes(10), 2.0, Duration.ofMinutes(5), 0.2))
                .hasMessageContaining("cap");
        assertThatThrownBy(() -> new RetryProperties(Duration.ZERO, 2.0, Duration.ofMinutes(5), 0.2))
                .hasMessageContaining("base");
    }
}
