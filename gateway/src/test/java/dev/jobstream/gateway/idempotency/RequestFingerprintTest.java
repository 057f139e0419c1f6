package dev.jobstream.gateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RequestFingerprintTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void fingerprintIgnoresFormattingAndPropertyOrder() {
        JsonNode body = JSON.readTree("{\"a\": 1, \"b\": {\"y\": [1, {\"q\": 2, \"p\": 3}], \"x\": \"s\"}}");
        JsonNode reordered = JSON.readTree("{\"b\":{\"x\":\"s\",\"y\":[1,{\"p\":3,\"q\":2}]},\"a\":1}");

        assertThat(RequestFingerprint.of(reordered)).isEqualTo(RequestFingerprint.of(body));
    }

    @Test
    void fingerprintDependsOnValuesAndArrayOrder() {
        String fingerprint = RequestFingerprint.of(JSON.readTree("{\"a\": [1, 2]}"));

        assertThat(RequestFingerprint.of(JSON.readTree("{\"a\": [2, 1]}"))).isNotEqualTo(fingerprint);
        assertThat(RequestFingerprint.of(JSON.readTree("{\"a\": [1, 3]}"))).isNotEqualTo(fingerprint);
    }

    @Test
    void fingerprintIsAHexSha256() {
        assertThat(RequestFingerprint.of(JSON.readTree("{}"))).matches("[0-9a-f]{64}");
    }
}
