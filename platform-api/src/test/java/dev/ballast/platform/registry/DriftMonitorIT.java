package dev.ballast.platform.registry;

import dev.ballast.client.testing.TrainedModels;
import dev.ballast.platform.testing.BallastTestServer;
import dev.ballast.platform.testing.TestResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A drift monitor of a served model, on demand: its reference is the training data found in the
 * served version's lineage, its current sample the captured inputs. Inputs from the training
 * distribution find no drift; shifted inputs do, and every check is stored.
 */
class DriftMonitorIT {
    private static BallastTestServer server;
    private static ServingFixture fx;

    @BeforeAll
    static void start() {
        server = BallastTestServer.start(Map.of("ballast.serving.sync-interval", "200ms",
                "ballast.serving.capture.flush-interval", "100ms"));
        fx = new ServingFixture(server, "drift");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A model whose champion was trained on a versioned dataset (recorded in its run's lineage); answers the model name. */
    private static String servedModelWithLineage(String prefix) throws Exception {
        String model = fx.createModel(prefix);
        String dataset = "drift-train-" + model;
        uploadTrainingData(dataset);
        String version = fx.register(model, TrainedModels.linearRegression());
        String runId = (String) ((Map<?, ?>) server.get("/api/2.0/mlflow/model-versions/get?name=" + model + "&version=" + version,
                fx.engineer).json().get("model_version")).get("run_id");
        assertEquals(201, server.postJson("/api/v1/runs/" + runId + "/inputs", "{\"dataset\":\"" + dataset
                + "\",\"version\":\"latest\",\"context\":\"training\"}", fx.engineer).status());
        fx.promote(model, version, "champion");
        return model;
    }

    @Test
    void scheduledChecksRunOncePerPeriodAcrossTwoReplicas() throws Exception {
        String model = servedModelWithLineage("scheduled");
        serve(model, 150, 0.0, 21);
        awaitCaptured(model, 150);
        try (BallastTestServer replica = server.replica(Map.of())) {
            TestResponse created = replica.postJson("/api/v1/drift/monitors", "{\"model\":\"" + model
                    + "\",\"current_rows\":150,\"schedule_seconds\":1}", fx.engineer);
            assertEquals(201, created.status(), created.body());
            long monitor = ((Number) created.json().get("id")).longValue();
            Thread.sleep(4500);
            List<?> checks = (List<?>) new org.yaml.snakeyaml.Yaml().load(server.get("/api/v1/drift/monitors/" + monitor
                    + "/checks?max_results=100", fx.engineer).body());
            assertTrue(checks.size() >= 3 && checks.size() <= 6, "about one check per second: " + checks.size());
            for (int i = 1; i < checks.size(); i++) {
                long later = ((Number) ((Map<?, ?>) checks.get(i - 1)).get("checked_at")).longValue();
                long earlier = ((Number) ((Map<?, ?>) checks.get(i)).get("checked_at")).longValue();
                assertTrue(later - earlier >= 700, "no check ran twice in one period: " + (later - earlier) + " ms apart");
            }
        }
    }

    @Test
    void findsDriftInShiftedServedInputsAndNoneInUnshiftedOnes() throws Exception {
        String model = servedModelWithLineage("monitored");
        String dataset = "drift-train-" + model;
        String version = "1";

        TestResponse created = server.postJson("/api/v1/drift/monitors", "{\"model\":\"" + model + "\",\"current_rows\":300}", fx.engineer);
        assertEquals(201, created.status(), created.body());
        long monitor = ((Number) created.json().get("id")).longValue();
        assertEquals(403, server.postJson("/api/v1/drift/monitors", "{\"model\":\"" + model + "\"}", fx.reviewer).status());

        serve(model, 300, 0.0, 11);
        awaitCaptured(model, 300);
        Map<String, Object> calm = check(monitor);
        assertEquals("no_drift", calm.get("verdict"), calm.toString());
        assertEquals(version, calm.get("model_version"));
        assertEquals(300, ((Number) calm.get("current_rows")).intValue());
        Map<?, ?> report = (Map<?, ?>) calm.get("report");
        assertEquals(dataset, ((Map<?, ?>) report.get("reference")).get("dataset"), "the reference comes from the lineage");

        serve(model, 300, 1.5, 12);
        awaitCaptured(model, 600);
        Map<String, Object> shifted = check(monitor);
        assertEquals("drift", shifted.get("verdict"), shifted.toString());
        assertTrue(shifted.get("report").toString().contains("feature=x1"), shifted.toString());

        String prometheus = server.get("/prometheus", null).body();
        assertTrue(prometheus.lines().anyMatch(l -> l.startsWith("ballast_drift_detected{") && l.contains("model=\"" + model + "\"")
                && l.endsWith(" 1.0")), "the monitor's latest verdict is exported");
        assertTrue(prometheus.lines().anyMatch(l -> l.startsWith("ballast_drift_p_value{") && l.contains("feature=\"x1\"")));
        assertTrue(prometheus.lines().anyMatch(l -> l.startsWith("ballast_drift_statistic{") && l.contains("feature=\"x2\"")));

        List<?> checks = (List<?>) new org.yaml.snakeyaml.Yaml().load(server.get("/api/v1/drift/monitors/" + monitor + "/checks",
                fx.engineer).body());
        assertEquals(2, checks.size());
        assertEquals("drift", ((Map<?, ?>) checks.get(0)).get("verdict"), "newest first");
    }

    private static Map<String, Object> check(long monitor) {
        TestResponse r = server.postJson("/api/v1/drift/monitors/" + monitor + "/check", "", fx.engineer);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    /** Serves {@code n} single-row predictions with x1 shifted by {@code shift}, x2 from the training distribution. */
    private static void serve(String model, int n, double shift, long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < n; i++) {
            double x1 = random.nextDouble() * 2 - 1 + shift;
            double x2 = random.nextDouble() * 2 - 1;
            TestResponse r = fx.predict("/serving/" + model + "/predict", "{\"inputs\":{\"x1\":" + x1 + ",\"x2\":" + x2 + "}}");
            assertEquals(200, r.status(), r.body());
        }
    }

    private static void awaitCaptured(String model, int rows) throws InterruptedException {
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

    private static void uploadTrainingData(String name) throws Exception {
        assertEquals(201, server.postJson("/api/v1/datasets", "{\"name\":\"" + name + "\"}", fx.engineer).status());
        StringBuilder csv = new StringBuilder("x1,x2,y\n");
        TrainedModels.regressionData(TrainedModels.SEED).forEach(e -> csv.append(e.lookup("x1").getValue()).append(',')
                .append(e.lookup("x2").getValue()).append(',').append(e.getOutput().getValues()[0]).append('\n'));
        HttpRequest request = HttpRequest.newBuilder(server.uri("/api/v1/datasets/" + name + "/versions"))
                .header("Authorization", fx.engineer).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString(), StandardCharsets.UTF_8)).build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
    }
}
