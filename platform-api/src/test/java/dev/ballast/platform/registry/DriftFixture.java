package dev.ballast.platform.registry;

import dev.ballast.client.testing.TrainedModels;
import dev.ballast.platform.testing.BallastTestServer;
import dev.ballast.platform.testing.TestResponse;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What drift and retraining tests need, through the public API: a served model whose champion
 * was trained on a versioned dataset (recorded in its run's lineage), served traffic with or
 * without a shift, and waiting for captured inputs.
 */
final class DriftFixture {
    final BallastTestServer server;
    final ServingFixture fx;

    DriftFixture(BallastTestServer server, ServingFixture fx) {
        this.server = server;
        this.fx = fx;
    }

    static String datasetOf(String model) {
        return "drift-train-" + model;
    }

    /** A model whose champion (v1, a linear regression y = 2·x1 − 3·x2) was trained on {@link #datasetOf}; answers its name. */
    String servedModelWithLineage(String prefix) throws Exception {
        String model = fx.createModel(prefix);
        String dataset = datasetOf(model);
        assertEquals(201, server.postJson("/api/v1/datasets", "{\"name\":\"" + dataset + "\"}", fx.engineer).status());
        uploadTrainingData(dataset, TrainedModels.SEED);
        String version = fx.register(model, TrainedModels.linearRegression());
        String runId = (String) ((Map<?, ?>) server.get("/api/2.0/mlflow/model-versions/get?name=" + model + "&version=" + version,
                fx.engineer).json().get("model_version")).get("run_id");
        assertEquals(201, server.postJson("/api/v1/runs/" + runId + "/inputs", "{\"dataset\":\"" + dataset
                + "\",\"version\":\"latest\",\"context\":\"training\"}", fx.engineer).status());
        fx.promote(model, version, "champion");
        return model;
    }

    /** Uploads a new version of training data drawn with {@code seed} (same relationship, new rows). */
    void uploadTrainingData(String name, long seed) throws Exception {
        StringBuilder csv = new StringBuilder("x1,x2,y\n");
        TrainedModels.regressionData(seed).forEach(e -> csv.append(e.lookup("x1").getValue()).append(',')
                .append(e.lookup("x2").getValue()).append(',').append(e.getOutput().getValues()[0]).append('\n'));
        HttpRequest request = HttpRequest.newBuilder(server.uri("/api/v1/datasets/" + name + "/versions"))
                .header("Authorization", fx.engineer).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString(), StandardCharsets.UTF_8)).build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
    }

    /** Serves {@code n} single-row predictions with x1 shifted by {@code shift}, x2 from the training distribution. */
    void serve(String model, int n, double shift, long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < n; i++) {
            double x1 = random.nextDouble() * 2 - 1 + shift;
            double x2 = random.nextDouble() * 2 - 1;
            TestResponse r = fx.predict("/serving/" + model + "/predict", "{\"inputs\":{\"x1\":" + x1 + ",\"x2\":" + x2 + "}}");
            assertEquals(200, r.status(), r.body());
        }
    }

    void awaitCaptured(String model, int rows) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int seen = 0;
        while (System.nanoTime() < deadline) {
            seen = ((List<?>) server.get("/api/v1/serving/" + model + "/captures?max_results=1000", fx.engineer).json().get("captures")).size();
            if (seen >= rows) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("only " + seen + " of " + rows + " rows captured");
    }
}
