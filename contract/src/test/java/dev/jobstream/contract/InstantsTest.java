package dev.jobstream.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.DatabindException;

class InstantsTest {

    @Test
    void writesWhatInstantWrites() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_800L),
                    random.nextInt(1_000_000_000));
            Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
            Instant millis = instant.truncatedTo(ChronoUnit.MILLIS);
            Instant whole = instant.truncatedTo(ChronoUnit.SECONDS);

            for (Instant written : List.of(instant, micros, millis, whole)) {
                assertThat(Instants.format(written)).isEqualTo(written.toString());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "+10000-01-01T00:00:00Z",
        "-0001-12-31T23:59:59.500Z", "1970-01-01T00:00:00Z", "2026-12-04T18:52:46.100Z", "2026-12-04T18:52:46.000001Z"})
    void writesTheEdgesAndYearsBeyondFourDigitsAsInstantDoes(String text) {
        Instant instant = Instant.parse(text);

        assertThat(Instants.format(instant)).isEqualTo(instant.toString()).isEqualTo(text);
        assertThat(Instants.parse(Instants.format(instant))).isEqualTo(instant);
    }

    @Test
    void theCodecWritesInstantsAsInstantDoes() {
        Instant at = Instant.parse("2026-12-04T18:52:46.025123Z");

        assertThat(JobCodec.mapper().writeValueAsString(new Object[] {at}))
                .isEqualTo("[\"2026-12-04T18:52:46.025123Z\"]");
    }

    @Test
    void readsWhatInstantWritesAsInstantReadsIt() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L), random.nextInt(1_000_000_000));
            Instant truncated = Instant.ofEpochSecond(instant.getEpochSecond(), instant.getNano() / 1000 * 1000);
            Instant whole = Instant.ofEpochSecond(instant.getEpochSecond());

            assertThat(Instants.parse(instant.toString())).isEqualTo(instant);
            assertThat(Instants.parse(truncated.toString())).isEqualTo(truncated);
            assertThat(Instants.parse(whole.toString())).isEqualTo(whole);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-04T19:52:46.5+01:00", "2026-12-04T18:52:46.500Z", "2026-12-04T13:22:46.5-05:30"})
    void readsOffsetsAsTheSameInstant(String text) {
        assertThat(Instants.parse(text)).isEqualTo(Instant.parse("2026-12-04T18:52:46.5Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026", "yesterday", "2026-12-04", "2026-12-04T18:52:46", "2026-12-04T25:00:00Z",
        "2026-02-30T00:00:00Z", "2026-12-04T18:52:46Zjunk", "1733338366"})
    void refusesWhatIsNoInstant(String text) {
        assertThatThrownBy(() -> Instants.parse(text)).isInstanceOf(DateTimeException.class);
    }

    @Test
    void aStatusEventWithABadInstantIsRefusedByTheCodec() {
        String event = """
                {"job_id":"0190d6a4-7c1e-7000-8000-000000000001","generation":0,"attempt":1,"status":"running",
                 "occurred_at":"tomorrow"}""";

        assertThatThrownBy(() -> new JobCodec(new JobRules(PayloadLimits.DEFAULTS))
                .decodeEvent(event.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DatabindException.class)
                .hasMessageContaining("occurred_at");
    }

    @Test
    void aStatusEventWithANumberForAnInstantIsRefusedByTheCodec() {
        String event = """
                {"job_id":"0190d6a4-7c1e-7000-8000-000000000001","generation":0,"attempt":1,"status":"running",
                 "occurred_at":1733338366}""";

        assertThatThrownBy(() -> new JobCodec(new JobRules(PayloadLimits.DEFAULTS))
                .decodeEvent(event.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DatabindException.class);
    }
}
