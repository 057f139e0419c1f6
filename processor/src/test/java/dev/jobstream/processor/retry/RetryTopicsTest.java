package dev.jobstream.processor.retry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstream.contract.JobCodec;
import dev.jobstream.contract.JobRules;
import dev.jobstream.contract.PayloadLimits;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryTopicsTest {

    private static final JobCodec CODEC = new JobCodec(new JobRules(PayloadLimits.DEFAULTS));

    private final RetryTopics defaults = new RetryTopics(
            new RetryProperties(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(5), 0.2), CODEC);

    @Test
    void defaultTiersDoubleFromOneSecondUpToTheCap() {
        // when / then
        assertThat(defaults.names()).containsExactly("jobs-retry-1s", "jobs-retry-2s", "jobs-retry-4s",
                "jobs-retry-8s", "jobs-retry-16s", "jobs-retry-32s", "jobs-retry-64s", "jobs-retry-128s",
                "jobs-retry-256s");
        assertThat(defaults.shortestTier()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void waitGoesToTheLargestTierNotLongerThanItself() {
        // when / then
        assertThat(defaults.topicFor(Duration.ofMillis(1_999))).isEqualTo("jobs-retry-1s");
        assertThat(defaults.topicFor(Duration.ofSeconds(2))).isEqualTo("jobs-retry-2s");
        assertThat(defaults.topicFor(Duration.ofMillis(7_900))).isEqualTo("jobs-retry-4s");
        assertThat(defaults.topicFor(Duration.ofMinutes(5))).isEqualTo("jobs-retry-256s");
    }

    @Test
    void waitShorterThanTheBaseGoesToTheShortestTier() {
        // when / then
        assertThat(defaults.topicFor(Duration.ofMillis(800))).isEqualTo("jobs-retry-1s");
        assertThat(defaults.topicFor(Duration.ZERO)).isEqualTo("jobs-retry-1s");
    }

    @Test
    void tiersThatAreNotWholeSecondsAreNamedInMilliseconds() {
        // given
        RetryTopics fast = new RetryTopics(
                new RetryProperties(Duration.ofMillis(200), 2.0, Duration.ofMillis(1_600), 0.2), CODEC);

        // when / then
        assertThat(fast.names()).containsExactly("jobs-retry-200ms", "jobs-retry-400ms", "jobs-retry-800ms",
                "jobs-retry-1600ms");
    }
}
