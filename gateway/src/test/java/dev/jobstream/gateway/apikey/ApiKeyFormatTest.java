package dev.jobstream.gateway.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiKeyFormatTest {

    @Test
    void generatedKeyParsesBackToItsIdAndMatchesOnlyItsOwnHash() {
        ApiKey key = ApiKey.generate();
        ApiKey other = ApiKey.generate();

        ApiKey parsed = ApiKey.parse(key.text()).orElseThrow();

        assertThat(parsed.id()).isEqualTo(key.id());
        assertThat(parsed.matches(key.hash())).isTrue();
        assertThat(parsed.matches(other.hash())).isFalse();
        assertThat(key.toString()).doesNotContain(key.text());
    }

    @Test
    void textThatIsNotAKeyDoesNotParse() {
        assertThat(ApiKey.parse("jsk_0123_abc")).isEmpty();
        assertThat(ApiKey.parse("")).isEmpty();
    }
}
