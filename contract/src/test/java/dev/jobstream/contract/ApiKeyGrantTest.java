package dev.jobstream.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApiKeyGrantTest {

    private final JobCodec codec = new JobCodec(new JobRules(PayloadLimits.DEFAULTS));

    @Test
    void grantIsSnakeCaseJsonAndSurvivesARoundTrip() {
        // given
        String key = ApiKeyFormat.generate();
        ApiKeyGrant grant = new ApiKeyGrant(ApiKeyFormat.idOf(key).orElseThrow(), "7", ApiKeyFormat.sha256Hex(key),
                true, Instant.parse("2026-02-03T04:05:06Z"));

        // when
        byte[] json = codec.encode(grant);

        // then
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"user_id\":\"7\"").contains("\"key_hash\":")
                .contains("\"revoked\":true").doesNotContain(key);
        assertThat(codec.decodeGrant(json)).isEqualTo(grant);
    }

    @Test
    void incompleteGrantIsRefused() {
        assertThatThrownBy(() -> codec.decodeGrant("{\"id\": \"0123456789abcdef\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codec.decodeGrant("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codec.decodeGrant(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void generatedKeyHasItsIdAndMatchesOnlyItsOwnHash() {
        // given
        String key = ApiKeyFormat.generate();
        String other = ApiKeyFormat.generate();

        // when
        String id = ApiKeyFormat.idOf(key).orElseThrow();

        // then
        assertThat(key).startsWith("jsk_" + id + "_");
        assertThat(ApiKeyFormat.matches(key, ApiKeyFormat.sha256(key))).isTrue();
        assertThat(ApiKeyFormat.matches(key, ApiKeyFormat.sha256(other))).isFalse();
        assertThat(ApiKeyFormat.idOf("jsk_0123_abc")).isEmpty();
        assertThat(ApiKeyFormat.idOf("")).isEmpty();
    }
}
