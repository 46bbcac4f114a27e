package dev.ballast.bench;

import dev.ballast.client.BallastModels;
import dev.ballast.client.LoggedModel;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * Puts a model behind Ballast's serving endpoint the way a team does, over the public API only:
 * an admin creates an engineer and a reviewer; the engineer logs the trained Tribuo model into a
 * run with {@link BallastModels}, registers it as a model version and requests its promotion to
 * {@code champion}; the reviewer approves. The engineer's API token then authenticates the
 * load (ping and predict alike).
 */
final class ServingSetup {
    private static final String MLFLOW = "/api/2.0/mlflow";
    private static final String PASSWORD_SUFFIX = "-bench-password-123";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;

    ServingSetup(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * What the load needs: the served model's name and version and the Authorization header of the engineer's token;
     * also the run the version was logged in, to which a benchmark can attach the version's training data.
     */
    record Served(String model, String version, String authorization, String runId) {
    }

    Served promote(String adminPassword, String model, Model<Regressor> trained) throws IOException, InterruptedException {
        return promote(adminPassword, model, trained, "serving-benchmark", "linear-10-features");
    }

    /** As {@link #promote(String, String, Model)}, logging into experiment {@code benchmark}'s run {@code runName}. */
    Served promote(String adminPassword, String model, Model<Regressor> trained, String benchmark, String runName)
            throws IOException, InterruptedException {
        String admin = basic("admin", adminPassword);
        String engineer = createUser(admin, "bench-engineer", "ENGINEER");
        String reviewer = createUser(admin, "bench-reviewer", "REVIEWER");

        Map<String, Object> experiment = post(MLFLOW + "/experiments/create", "{\"name\":\"" + benchmark + "\"}", engineer, 200);
        Map<String, Object> run = post(MLFLOW + "/runs/create", "{\"experiment_id\":\"" + experiment.get("experiment_id")
                + "\",\"run_name\":\"" + runName + "\"}", engineer, 200);
        String runId = (String) ((Map<?, ?>) ((Map<?, ?>) run.get("run")).get("info")).get("run_id");
        LoggedModel logged = BallastModels.connect(baseUrl, "bench-engineer", "bench-engineer" + PASSWORD_SUFFIX).log(runId, trained);

        post(MLFLOW + "/registered-models/create", "{\"name\":\"" + model + "\"}", engineer, 200);
        Map<String, Object> created = post(MLFLOW + "/model-versions/create", "{\"name\":\"" + model + "\",\"source\":\""
                + logged.runsUri() + "\",\"run_id\":\"" + runId + "\"}", engineer, 200);
        String version = String.valueOf(((Map<?, ?>) created.get("model_version")).get("version"));
        Map<String, Object> promotion = post("/api/v1/promotions", "{\"model\":\"" + model + "\",\"version\":\"" + version
                + "\",\"alias\":\"champion\",\"reason\":\"" + benchmark + "\"}", engineer, 201);
        Object id = promotion.get("id");
        post("/api/v1/promotions/" + id + "/approve", "{\"comment\":\"" + benchmark + "\"}", reviewer, 200);

        Map<String, Object> token = post("/api/v1/tokens", "{\"name\":\"" + benchmark + "\",\"expires_in_days\":1}", engineer, 200);
        return new Served(model, version, "Bearer " + token.get("token"), runId);
    }

    /** POSTs a JSON body and answers the response's status and body. */
    HttpResponse<String> send(String path, String json, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** GETs a document without credentials (null when it does not answer 200). */
    String getOpen(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return r.statusCode() == 200 ? r.body() : null;
    }

    private String createUser(String admin, String username, String role) throws IOException, InterruptedException {
        post("/api/v1/users", "{\"username\":\"" + username + "\",\"password\":\"" + username + PASSWORD_SUFFIX + "\",\"role\":\""
                + role + "\"}", admin, 200);
        return basic(username, username + PASSWORD_SUFFIX);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> post(String path, String json, String authorization, int expected) throws IOException, InterruptedException {
        HttpResponse<String> r = send(path, json, authorization);
        if (r.statusCode() != expected) {
            throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + " (expected " + expected + "): " + r.body());
        }
        Object parsed = new Yaml().load(r.body()); // JSON is YAML
        return parsed instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
