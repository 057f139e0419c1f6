package dev.jobstream.launcher;

import dev.jobstream.contract.JobCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * A small client of the REST API, as a program submitting jobs would use it.
 */
final class JobsApi {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    JobsApi(int port) {
        this.base = "http://localhost:" + port;
    }

    Response submit(String userId, String body, String... headers) {
        return submitAs("application/json", userId, body, headers);
    }

    /** Submits a body of any content type, as a client that gets it wrong would. */
    Response submitAs(String contentType, String userId, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/jobs"))
                .header("Content-Type", contentType)
                .header("X-User-Id", userId)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(headers.length == 0 ? request : request.headers(headers));
    }

    Response get(String userId, String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("X-User-Id", userId).GET());
    }

    Response post(String userId, String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("X-User-Id", userId)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Response delete(String userId, String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("X-User-Id", userId).DELETE());
    }

    Response job(String userId, String id) {
        return get(userId, "/api/jobs/" + id);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers().firstValue("Location")
                    .orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the API answered. */
    record Response(int status, String body, String location) {

        JsonNode json() {
            return JobCodec.mapper().readTree(body);
        }

        String text(String field) {
            return json().path(field).asString();
        }
    }
}
