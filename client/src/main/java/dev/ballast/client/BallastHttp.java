package dev.ballast.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The few HTTP calls the client makes to Ballast's MLflow API and artifact proxy, with the
 * credentials on every request (as MLflow clients send them) and Ballast's error body turned
 * into a {@link BallastClientException}.
 */
final class BallastHttp {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final String baseUrl;
    private final String authorization;
    private final HttpClient http;

    BallastHttp(String trackingUri, String authorization) {
        String base = trackingUri.trim();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        if (!base.startsWith("http://") && !base.startsWith("https://")) {
            throw new IllegalArgumentException("The tracking URI must be an http:// or https:// URL, not '" + trackingUri + "'.");
        }
        this.baseUrl = base;
        this.authorization = authorization;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    String baseUrl() {
        return baseUrl;
    }

    /** GET of a JSON API path (query included); answers the parsed object. */
    Map<String, Object> getJson(String pathAndQuery) {
        HttpRequest.Builder b = request(pathAndQuery).timeout(CALL_TIMEOUT).GET();
        return Json.object(parse(send(b, "GET " + pathAndQuery)));
    }

    /** POST of a JSON body; answers the parsed object. */
    Map<String, Object> postJson(String path, Map<String, Object> body) {
        HttpRequest.Builder b = request(path).timeout(CALL_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.write(body, false)));
        return Json.object(parse(send(b, "POST " + path)));
    }

    /** PUT of one artifact through the proxy; {@code storePath} is relative to the artifact root. */
    void putArtifact(String storePath, byte[] content, String contentType) {
        String path = "/api/2.0/mlflow-artifacts/artifacts/" + encodePath(storePath);
        HttpRequest.Builder b = request(path).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content));
        send(b, "PUT " + path);
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    private byte[] send(HttpRequest.Builder request, String what) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new BallastClientException(what + " on " + baseUrl + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BallastClientException(what + " was interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw error(what, response.statusCode(), response.body());
        }
        return response.body();
    }

    /** The exception for an error response, with Ballast's code and message when the body has them. */
    static BallastClientException error(String what, int status, byte[] body) {
        String code = null;
        String message = null;
        try {
            Map<String, Object> json = Json.object(Json.parse(body));
            code = json.get("error_code") instanceof String s ? s : null;
            message = json.get("message") instanceof String s ? s : null;
        } catch (IOException | RuntimeException notJson) {
            // not Ballast's error shape (a proxy in between?): show the start of the body instead
        }
        if (message == null) {
            String text = new String(body, StandardCharsets.UTF_8).strip();
            message = text.length() > 200 ? text.substring(0, 200) + "..." : text;
        }
        return new BallastClientException(what + " failed with HTTP " + status + (code == null ? "" : " " + code) + ": " + message,
                status, code);
    }

    private static Object parse(byte[] body) {
        if (body.length == 0) {
            return Map.of();
        }
        try {
            return Json.parse(body);
        } catch (IOException e) {
            throw new BallastClientException("Ballast answered with a body that is not JSON: " + e.getMessage(), e);
        }
    }

    /** Percent-encodes each segment of a slash-separated path (the server decodes once). */
    static String encodePath(String path) {
        return Arrays.stream(path.split("/", -1)).map(BallastHttp::encode).collect(Collectors.joining("/"));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
