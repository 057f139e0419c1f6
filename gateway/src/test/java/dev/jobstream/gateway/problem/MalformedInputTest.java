package dev.jobstream.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.jobstream.gateway.ApiResponse;
import dev.jobstream.gateway.GatewayClient;
import dev.jobstream.gateway.GatewayIntegrationTest;
import dev.jobstream.gateway.JobBodies;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MalformedInputTest extends GatewayIntegrationTest {

    private static final String USER = "malformed-input-test";
    private static final String SLEEP = JobBodies.sleepJob(1);

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                arguments("unterminated object", "{", 400),
                arguments("not JSON at all", "hello", 400),
                arguments("empty body", "", 400),
                arguments("whitespace only", "   ", 400),
                arguments("duplicate field", "{\"payload\": {\"type\": \"default\"}, \"payload\": {}}", 400),
                arguments("trailing garbage", SLEEP + " x", 400),
                arguments("two objects", SLEEP + SLEEP, 400),
                arguments("deep nesting", "[".repeat(20_000) + "]".repeat(20_000), 400),
                arguments("number of 5000 digits", "{\"payload\": {\"type\": \"sleep\", \"duration\": "
                        + "9".repeat(5000) + "}}", 400),
                arguments("array", "[]", 422),
                arguments("array of jobs", "[" + SLEEP + "]", 422),
                arguments("string", "\"job\"", 422),
                arguments("number", "42", 422),
                arguments("null", "null", 422),
                arguments("empty object", "{}", 422),
                arguments("null payload", "{\"payload\": null}", 422),
                arguments("array payload", "{\"payload\": []}", 422),
                arguments("null type", "{\"payload\": {\"type\": null}}", 422),
                arguments("object type", "{\"payload\": {\"type\": {\"name\": null}}}", 422),
                arguments("unknown type", "{\"payload\": {\"type\": \"explode\"}}", 422),
                arguments("nested nulls", "{\"payload\": {\"type\": \"sleep\", \"duration\": {\"a\": [null, {}]}}}",
                        422),
                arguments("huge exponent", "{\"payload\": {\"type\": \"sleep\", \"duration\": 1e400}}", 422),
                arguments("huge integer", "{\"payload\": {\"type\": \"sleep\", \"duration\": 1" + "0".repeat(40)
                        + "}}", 422),
                arguments("NUL character", "{\"payload\": {\"type\": \"fail\", \"message\": \"a\\u0000b\"}}", 422),
                arguments("unpaired surrogate", "{\"payload\": {\"type\": \"fail\", \"message\": \"\\ud800\"}}", 422),
                arguments("message too long", "{\"payload\": {\"type\": \"fail\", \"message\": \""
                        + "m".repeat(1001) + "\"}}", 422),
                arguments("parameter of another type", "{\"payload\": {\"type\": \"default\", \"size\": 1}}", 422));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void malformedBodyIsAClientErrorProblem(String description, String body, int expectedStatus) {
        ApiResponse response = gateway().submit(USER, body);

        assertProblem(response, expectedStatus);
    }

    static Stream<Arguments> malformedRequests() {
        return Stream.of(
                arguments("invalid UTF-8", request(client -> post(client, "application/json")
                        .POST(BodyPublishers.ofByteArray(new byte[] {'{', (byte) 0xC3, '(', '}'}))), 400),
                arguments("text body", request(client -> post(client, "text/plain")
                        .POST(BodyPublishers.ofString(SLEEP))), 415),
                arguments("XML body", request(client -> post(client, "application/xml")
                        .POST(BodyPublishers.ofString("<job/>"))), 415),
                arguments("form body", request(client -> post(client, "application/x-www-form-urlencoded")
                        .POST(BodyPublishers.ofString("payload=sleep"))), 415),
                arguments("no content type", request(client -> client.request("/api/jobs").header("X-User-Id", USER)
                        .POST(BodyPublishers.ofString(SLEEP))), 415),
                arguments("XML wanted back", request(client -> post(client, "application/json")
                        .header("Accept", "application/xml").POST(BodyPublishers.ofString(SLEEP))), 406),
                arguments("HTML wanted back", request(client -> client.request("/api/jobs").header("X-User-Id", USER)
                        .header("Accept", "text/html").GET()), 406),
                arguments("no user on submit", request(client -> client.request("/api/jobs")
                        .header("Content-Type", "application/json").POST(BodyPublishers.ofString(SLEEP))), 401),
                arguments("blank user", request(client -> client.request("/api/jobs").header("X-User-Id", " ")
                        .GET()), 401),
                arguments("user id too long", request(client -> client.request("/api/jobs")
                        .header("X-User-Id", "u".repeat(129)).GET()), 401),
                arguments("no user on read", request(client -> client.request("/api/jobs/" + UUID.randomUUID())
                        .GET()), 401),
                arguments("unknown route", request(client -> client.request("/api/nothing").GET()), 404),
                arguments("root", request(client -> client.request("/").GET()), 404),
                arguments("below a job", request(client -> client.request("/api/jobs/" + UUID.randomUUID() + "/x")
                        .header("X-User-Id", USER).GET()), 404),
                arguments("delete the list", request(client -> client.request("/api/jobs").DELETE()), 405),
                arguments("put a job", request(client -> client.request("/api/jobs/" + UUID.randomUUID())
                        .PUT(BodyPublishers.ofString(SLEEP))), 405),
                arguments("post to a job", request(client -> post(client, "application/json")
                        .uri(client.request("/api/jobs/" + UUID.randomUUID()).build().uri())
                        .POST(BodyPublishers.ofString(SLEEP))), 405));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRequests")
    void malformedRequestIsAClientErrorProblem(String description, Function<GatewayClient, ApiResponse> request,
            int expectedStatus) {
        ApiResponse response = request.apply(gateway());

        assertProblem(response, expectedStatus);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "GET /api/jobs/%zz HTTP/1.1\r\nHost: x\r\nX-User-Id: u\r\nConnection: close\r\n\r\n",
        "GET /api/jobs HTTP/1.1\r\nHost: x\r\nX-User-Id: a\u0001b\r\nConnection: close\r\n\r\n",
        "POST /api/jobs HTTP/1.1\r\nHost: x\r\nX-User-Id: u\r\nContent-Type: application/json\r\n"
                + "Content-Length: nine\r\nConnection: close\r\n\r\n",
        "GET /api/jobs?limit=%G1 HTTP/1.1\r\nHost: x\r\nX-User-Id: u\r\nConnection: close\r\n\r\n"})
    void requestsNoClientLibraryWouldSendAreClientErrors(String rawRequest) {
        String response = gateway().sendRaw(rawRequest);

        assertThat(response).matches("(?s)HTTP/1\\.1 4\\d\\d .*");
    }

    @Test
    void problemNamesItsStatusAndTitle() {
        ApiResponse response = gateway().submit(USER, "{\"payload\": {\"type\": \"sleep\"}}");

        assertThat(response.json().path("status").asInt()).isEqualTo(422);
        assertThat(response.json().path("title").asString()).isEqualTo("Invalid job");
        assertThat(response.json().path("detail").asString()).isNotBlank();
        assertThat(response.json().path("instance").asString()).isEqualTo("/api/jobs");
        assertThat(response.errorFields()).containsExactly("payload.duration");
    }

    private static void assertProblem(ApiResponse response, int expectedStatus) {
        assertThat(response.status()).as(response.body()).isEqualTo(expectedStatus);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(expectedStatus);
        assertThat(response.json().path("detail").asString()).doesNotContain("Source:", "REDACTED", "start marker");
    }

    private static HttpRequest.Builder post(GatewayClient client, String contentType) {
        return client.request("/api/jobs").header("X-User-Id", USER).header("Content-Type", contentType);
    }

    private static Function<GatewayClient, ApiResponse> request(Function<GatewayClient, HttpRequest.Builder> build) {
        return client -> client.send(build.apply(client));
    }
}
