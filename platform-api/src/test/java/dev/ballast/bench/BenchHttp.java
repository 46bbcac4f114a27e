package dev.ballast.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's HTTP client for Ballast's MLflow API: one JDK {@link HttpClient} speaking
 * HTTP/1.1 with keep-alive (as MLflow's clients do), bodies sent and received as bytes so the
 * client adds as little work as possible to what is being measured.
 */
public final class BenchHttp {
    public static final String API = "/api/2.0/mlflow";
    private static final Pattern EXPERIMENT_ID = Pattern.compile("\"experiment_id\"\\s*:\\s*\"([0-9]+)\"");
    private static final Pattern RUN_ID = Pattern.compile("\"run_id\"\\s*:\\s*\"([0-9a-f]{32})\"");

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String baseUrl;
    private final String auth;

    public BenchHttp(String baseUrl, String auth) {
        this.baseUrl = baseUrl;
        this.auth = auth;
    }

    /** A response: status and raw body. */
    public record Reply(int status, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The reply itself when it is a 200, else an exception quoting (the start of) the body. */
        public Reply ok(String what) {
            if (status != 200) {
                String t = text();
                throw new IllegalStateException(what + " answered " + status + ": " + (t.length() > 500 ? t.substring(0, 500) + "..." : t));
            }
            return this;
        }
    }

    public Reply post(String apiPath, byte[] json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + API + apiPath))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)));
    }

    public Reply post(String apiPath, String json) {
        return post(apiPath, json.getBytes(StandardCharsets.UTF_8));
    }

    public Reply get(String apiPathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + API + apiPathAndQuery)).GET());
    }

    private Reply send(HttpRequest.Builder request) {
        request.header("Authorization", auth).timeout(Duration.ofMinutes(5));
        try {
            HttpResponse<byte[]> r = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates an experiment through the API and answers its id. */
    public long createExperiment(String name) {
        String body = post("/experiments/create", "{\"name\":\"" + name + "\"}").ok("experiments/create").text();
        return Long.parseLong(first(EXPERIMENT_ID, body, "experiment_id"));
    }

    /** Creates a run through the API and answers its id. */
    public String createRun(long experimentId, String runName) {
        String body = post("/runs/create", "{\"experiment_id\":\"" + experimentId + "\",\"run_name\":\"" + runName
                + "\",\"start_time\":1700000000000}").ok("runs/create").text();
        return first(RUN_ID, body, "run_id");
    }

    static String first(Pattern p, String body, String what) {
        Matcher m = p.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + what + " in " + body);
        }
        return m.group(1);
    }
}
