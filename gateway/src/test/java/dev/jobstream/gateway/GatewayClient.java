package dev.jobstream.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Talks HTTP to the gateway under test, the way any client would.
 */
public final class GatewayClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;

    public GatewayClient(int port) {
        this.port = port;
    }

    /** Submits a JSON body as the given user, with extra headers as name/value pairs. */
    public ApiResponse submit(String user, String body, String... headers) {
        HttpRequest.Builder request = request("/api/jobs").header("X-User-Id", user)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        return send(headers.length > 0 ? request.headers(headers) : request);
    }

    /** Gets a path as the given user. */
    public ApiResponse get(String user, String path) {
        return send(request(path).header("X-User-Id", user).GET());
    }

    /** Posts to a path as the given user, without a body. */
    public ApiResponse post(String user, String path) {
        return send(request(path).header("X-User-Id", user).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** Posts a JSON body to a path as the given user. */
    public ApiResponse post(String user, String path, String body) {
        return send(request(path).header("X-User-Id", user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Deletes a path as the given user. */
    public ApiResponse delete(String user, String path) {
        return send(request(path).header("X-User-Id", user).DELETE());
    }

    /** A request for a path of the gateway, to be completed by the caller. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30));
    }

    public ApiResponse send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiResponse(response.statusCode(), response.headers(), response.body());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /**
     * Sends a request as raw text, for requests an HTTP client library refuses to build, and returns the status
     * line and headers of the response.
     */
    public String sendRaw(String requestHead) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return responseHead(socket.getInputStream());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static String responseHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int next;
        while ((next = in.read()) >= 0) {
            head.write(next);
            if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}
