package dev.jobstream.processor.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrimeCounterTest {

    @ParameterizedTest
    @CsvSource({"1, 0", "2, 1", "3, 2", "10, 4", "100, 25", "1000, 168", "65536, 6542", "65537, 6543",
        "100000, 9592", "1000000, 78498"})
    void countsThePrimesUpToTheLimit(long limit, long primes) throws InterruptedException {
        // when / then
        assertThat(PrimeCounter.countUpTo(limit)).isEqualTo(primes);
    }

    @Test
    void givesUpWhenItsThreadIsInterrupted() {
        // given
        Thread.currentThread().interrupt();

        // when / then
        assertThatThrownBy(() -> PrimeCounter.countUpTo(10_000_000)).isInstanceOf(InterruptedException.class);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
}
