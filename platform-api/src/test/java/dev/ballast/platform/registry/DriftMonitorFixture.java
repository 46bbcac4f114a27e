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
 * What drift monitor tests need, through the public API only: a served model whose champion was
 * trained on a versioned dataset (recorded in its run's lineage), served traffic from or away
 * from the training distribution, and waiting until the captured rows are written.
 */
public final class DriftMonitorFixture {
    public final BallastTestServer server;
    public final ServingFixture fx;

    public DriftMonitorFixture(BallastTestServer server, String prefix) {
        this.server = server;
        this.fx = new ServingFixture(server, prefix);
    }

    /** A model whose champion (v1) was trained on dataset {@code drift-train-<model>}; answers the model name. */
    public String servedModelWithLineage(String prefix) throws Exception {
        String model = fx.createModel(prefix);
        String dataset = datasetOf(model);
        upload(dataset, trainingCsv());
        String version = fx.register(model, TrainedModels.linearRegression());
        String runId = (String) ((Map<?, ?>) server.get("/api/2.0/mlflow/model-versions/get?name=" + model + "&version=" + version,
                fx.engineer).json().get("model_version")).get("run_id");
        assertEquals(201, server.postJson("/api/v1/runs/" + runId + "/inputs", "{\"dataset\":\"" + dataset
                + "\",\"version\":\"latest\",\"context\":\"training\"}", fx.engineer).status());
        fx.promote(model, version, "champion");
        return model;
    }

    /** Serves {@code n} single-row predictions with x1 shifted by {@code shift}, x2 from the training distribution. */
    public void serve(String model, int n, double shift, long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < n; i++) {
            double x1 = random.nextDouble() * 2 - 1 + shift;
            double x2 = random.nextDouble() * 2 - 1;
            TestResponse r = fx.predict("/serving/" + model + "/predict", "{\"inputs\":{\"x1\":" + x1 + ",\"x2\":" + x2 + "}}");
            assertEquals(200, r.status(), r.body());
        }
    }

    /** Serves {@code n} rows in one batch request (captured with one timestamp), x1 shifted by {@code shift}. */
    public void serveBatch(String model, int n, double shift, long seed) {
        Random random = new Random(seed);
        StringBuilder body = new StringBuilder("{\"dataframe_records\":[");
        for (int i = 0; i < n; i++) {
            body.append(i == 0 ? "" : ",").append("{\"x1\":").append(random.nextDouble() * 2 - 1 + shift).append(",\"x2\":")
                    .append(random.nextDouble() * 2 - 1).append('}');
        }
        TestResponse r = fx.predict("/serving/" + model + "/predict", body.append("]}").toString());
        assertEquals(200, r.status(), r.body());
    }

    /** Waits until at least {@code rows} rows of the model are captured (at most 1000 are counted). */
    public void awaitCaptured(String model, int rows) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int seen = 0;
        while (System.nanoTime() < deadline) {
            seen = ((List<?>) server.get("/api/v1/serving/" + model + "/captures?max_results=1000", fx.engineer).json().get("captures"))
                    .size();
            if (seen >= rows) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("only " + seen + " of " + rows + " rows captured");
    }

    /** Creates a monitor and answers its id (asserting 201). */
    public long createMonitor(String json) {
        TestResponse created = server.postJson("/api/v1/drift/monitors", json, fx.engineer);
        assertEquals(201, created.status(), created.body());
        return ((Number) created.json().get("id")).longValue();
    }

    /** Runs a check now (asserting 200) and answers it. */
    public Map<String, Object> check(long monitor) {
        TestResponse r = server.postJson("/api/v1/drift/monitors/" + monitor + "/check", "", fx.engineer);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    public TestResponse patch(long monitor, String json) {
        return server.send("PATCH", "/api/v1/drift/monitors/" + monitor, json, "application/json", fx.engineer);
    }

    /** The monitor's stored checks, newest first. */
    public List<?> checks(long monitor) {
        return (List<?>) new org.yaml.snakeyaml.Yaml().load(server.get("/api/v1/drift/monitors/" + monitor + "/checks?max_results=1000",
                fx.engineer).body());
    }

    /** The dataset the champion of {@link #servedModelWithLineage} was trained on. */
    public static String datasetOf(String model) {
        return "drift-train-" + model;
    }

    /** The training data: x1, x2 uniform on [-1, 1] and the regression target. */
    public static String trainingCsv() {
        return trainingCsv(TrainedModels.SEED);
    }

    /** Training data drawn with another seed: the same relationship, new rows (a newer version of the data). */
    public static String trainingCsv(long seed) {
        StringBuilder csv = new StringBuilder("x1,x2,y\n");
        TrainedModels.regressionData(seed).forEach(e -> csv.append(e.lookup("x1").getValue()).append(',')
                .append(e.lookup("x2").getValue()).append(',').append(e.getOutput().getValues()[0]).append('\n'));
        return csv.toString();
    }

    public void upload(String dataset, String csv) throws Exception {
        assertEquals(201, server.postJson("/api/v1/datasets", "{\"name\":\"" + dataset + "\"}", fx.engineer).status());
        uploadVersion(dataset, csv);
    }

    /** A new version of an existing dataset. */
    public void uploadVersion(String dataset, String csv) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.uri("/api/v1/datasets/" + dataset + "/versions"))
                .header("Authorization", fx.engineer).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
    }
}
