package dev.jobstream.gateway;

import java.net.http.HttpHeaders;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A response of the gateway under test.
 *
 * @param status the status code
 * @param headers the headers
 * @param body the body as text
 */
public record ApiResponse(int status, HttpHeaders headers, String body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public JsonNode json() {
        return JSON.readTree(body);
    }

    public @Nullable String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public String contentType() {
        return headers.firstValue("Content-Type").orElse("");
    }

    /** The fields a 422 problem names. */
    public List<String> errorFields() {
        return json().path("errors").valueStream().map(error -> error.path("field").asString()).toList();
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
