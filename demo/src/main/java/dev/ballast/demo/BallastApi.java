package dev.ballast.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

/**
 * Ballast's JSON API as one user sees it (HTTP Basic): the calls the MLflow client does not cover (datasets, gates,
 * cards, promotions, serving, monitors, workflows). An answer outside the expected statuses stops the demo with the
 * request, the status and Ballast's error body, which is what a person needs to see.
 */
public final class BallastApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String url;
    private final String user;
    private final String password;
    private final String authorization;

    public BallastApi(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The same server as another user. */
    public BallastApi as(String otherUser, String otherPassword) {
        return new BallastApi(url, otherUser, otherPassword);
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** An answer: its status and JSON body (an empty object when there is none). */
    public record Answer(int status, JsonNode body) {
    }

    public JsonNode get(String path) {
        return send("GET", path, null, "application/json", Set.of(200)).body();
    }

    public JsonNode post(String path, Object body) {
        return send("POST", path, body, "application/json", Set.of(200, 201)).body();
    }

    public JsonNode put(String path, Object body) {
        return send("PUT", path, body, "application/json", Set.of(200)).body();
    }

    public JsonNode patch(String path, Object body) {
        return send("PATCH", path, body, "application/json", Set.of(200)).body();
    }

    /** Sends and accepts any of {@code expected}; {@code body} is a String (sent as is) or an object (as JSON). */
    public Answer send(String method, String path, Object body, String contentType, Set<Integer> expected) {
        try {
            String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofMinutes(2))
                    .header("Authorization", authorization).header("Accept", "application/json");
            if (text == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (!expected.contains(response.statusCode())) {
                throw new DemoException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            String answer = response.body();
            return new Answer(response.statusCode(), answer == null || answer.isBlank() ? JSON.createObjectNode() : JSON.readTree(answer));
        } catch (IOException e) {
            throw new DemoException("cannot reach Ballast at " + url + " (" + method + " " + path + "): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoException("interrupted", e);
        }
    }

    /** A path segment or query value, percent-encoded. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
