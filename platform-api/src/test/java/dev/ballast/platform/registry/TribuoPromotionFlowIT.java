package dev.ballast.platform.registry;

import dev.ballast.client.BallastModels;
import dev.ballast.client.LoggedModel;
import dev.ballast.client.testing.TrainedModels;
import dev.ballast.platform.testing.BallastTestServer;
import dev.ballast.platform.testing.TestResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.evaluation.RegressionEvaluation;
import org.tribuo.regression.evaluation.RegressionEvaluator;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole path of a model through Ballast, as the registry issue describes it: data versioned,
 * a Tribuo regression trained and logged with the two-line helper, registered (checked as a
 * Ballast model), its card filled from lineage and provenance, its gates judged; a direct move
 * to {@code champion} refused, self-approval refused, a reviewer's approval moving it, a weaker
 * successor blocked by the champion comparison until an admin overrides, a rollback, every move
 * in the audit log, and every step announced to a signed webhook.
 */
class TribuoPromotionFlowIT {
    private static final String MLFLOW = "/api/2.0/mlflow/";
    private static final String SECRET = "flow-secret";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static WebhookReceiver receiver;
    private static BallastTestServer server;
    private static String engineer;
    private static String reviewer;

    @BeforeAll
    static void start() throws IOException {
        receiver = new WebhookReceiver(Map.of("/hook", SECRET)).start();
        Map<String, Object> props = new HashMap<>();
        props.put("ballast.webhooks.flow.url", receiver.url("/hook"));
        props.put("ballast.webhooks.flow.secret", SECRET);
        server = BallastTestServer.start(props);
        engineer = server.createUser("flow-engineer", "ENGINEER");
        reviewer = server.createUser("flow-reviewer", "REVIEWER");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void aTribuoRegressionGoesFromDataToChampionUnderReviewAndBack() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String dataset = uploadTrainingData("growth-data-" + suffix);
        String model = "growth-" + suffix;
        assertEquals(200, server.postJson(MLFLOW + "registered-models/create", "{\"name\":\"" + model + "\"}", engineer).status());
        TestResponse gates = server.send("PUT", "/api/v1/models/" + model + "/gates", "{\"rules\":[\"metrics.r2 >= 0.75\","
                + "\"metrics.rmse <= champion.metrics.rmse * 1.02\"]}", "application/json", engineer);
        assertEquals(200, gates.status(), gates.body());

        // v1: a linear regression, trained, evaluated, logged with the helper, registered
        String v1 = registerTrained(model, dataset, TrainedModels.linearRegression());
        TestResponse mv = server.get(MLFLOW + "model-versions/get?name=" + model + "&version=" + v1, engineer);
        assertTrue(mv.body().contains("Ballast model: regression, 2 features"), mv.body());

        Map<String, Object> card = server.get("/api/v1/models/" + model + "/versions/" + v1 + "/card", engineer).json();
        assertEquals("regression", card.get("task_type"));
        List<?> data = (List<?>) card.get("training_data");
        assertEquals(1, data.size(), card.toString());
        Map<?, ?> used = (Map<?, ?>) data.get(0);
        assertEquals(dataset, used.get("dataset"));
        assertEquals(200, ((Number) used.get("rows")).intValue());
        assertEquals(40, ((String) used.get("digest")).length());
        assertEquals(List.of("x1", "x2"), ((List<?>) card.get("features")).stream().map(f -> ((Map<?, ?>) f).get("name")).toList());
        assertTrue(card.get("architecture").toString().contains("LinearSGDTrainer"), card.get("architecture").toString());
        assertTrue(card.get("hyperparameters").toString().contains("epochs=100"), card.get("hyperparameters").toString());
        Map<?, ?> cardGates = (Map<?, ?>) card.get("gates");
        assertEquals(Boolean.TRUE, cardGates.get("passed"), cardGates.toString());
        assertTrue(card.get("metrics").toString().contains("gate=metrics.r2 >= 0.75"), card.get("metrics").toString());

        TestResponse lineage = server.get("/api/v1/lineage/model-versions/" + model + "/" + v1, engineer);
        assertEquals(200, lineage.status(), lineage.body());
        assertTrue(lineage.body().contains(dataset), lineage.body());
        TestResponse fed = server.get("/api/v1/datasets/" + dataset + "/versions/1/lineage", engineer);
        assertTrue(fed.body().contains("\"" + model + "\""), fed.body());
        Map<String, Object> spec = server.get("/api/v1/models/" + model + "/versions/" + v1 + "/spec", engineer).json();
        assertEquals("regression", spec.get("task_type"));
        assertTrue(spec.get("provenance").toString().contains("LinearSGDTrainer"), spec.toString());

        TestResponse direct = server.postJson(MLFLOW + "registered-models/alias", "{\"name\":\"" + model
                + "\",\"alias\":\"champion\",\"version\":\"" + v1 + "\"}", engineer);
        assertEquals(403, direct.status());
        assertEquals("PERMISSION_DENIED", direct.errorCode());

        long p1 = requestChampion(model, v1, engineer);
        assertEquals(403, server.postJson("/api/v1/promotions/" + p1 + "/approve", "{}", engineer).status());
        TestResponse approve = server.postJson("/api/v1/promotions/" + p1 + "/approve", "{\"comment\":\"meets the standard\"}", reviewer);
        assertEquals(200, approve.status(), approve.body());
        assertEquals(v1, champion(model));

        // v2: a CART tree, worse than the champion on rmse: the comparison gate blocks it
        String v2 = registerTrained(model, dataset, TrainedModels.regressionTree());
        long p2 = requestChampion(model, v2, engineer);
        Map<String, Object> blocked = server.get("/api/v1/promotions/" + p2, engineer).json();
        assertEquals("BLOCKED", blocked.get("status"), blocked.toString());
        assertTrue(blocked.get("gates").toString().contains("champion " + model + " v" + v1), blocked.get("gates").toString());
        TestResponse override = server.postJson("/api/v1/promotions/" + p2 + "/override",
                "{\"reason\":\"the tree explains itself to the business; rmse loss accepted\"}", server.adminAuth());
        assertEquals(200, override.status(), override.body());
        assertEquals(200, server.postJson("/api/v1/promotions/" + p2 + "/approve", "{\"comment\":\"ok with override\"}", reviewer)
                .status());
        assertEquals(v2, champion(model));

        TestResponse rollback = server.postJson("/api/v1/promotions/" + p2 + "/rollback", "{\"reason\":\"complaints about accuracy\"}",
                reviewer);
        assertEquals(201, rollback.status(), rollback.body());
        assertEquals(v1, champion(model));

        Map<String, Object> audit = server.get("/api/v1/audit?model=" + model + "&action=alias.set", engineer).json();
        List<?> moves = (List<?>) audit.get("entries");
        assertEquals(3, moves.size(), audit.toString());
        assertTrue(moves.get(2).toString().contains("promotion #" + p1), moves.get(2).toString());
        Map<String, Object> overrides = server.get("/api/v1/audit?model=" + model + "&action=promotion.override", engineer).json();
        assertTrue(overrides.toString().contains("rmse loss accepted"), overrides.toString());

        for (String type : List.of("model_version.created", "gate.evaluated", "promotion.requested", "promotion.approved", "alias.moved")) {
            WebhookReceiver.Received event = receiver.await(r -> type.equals(r.header("X-Ballast-Event")) && r.body().contains(model),
                    Duration.ofSeconds(20));
            assertTrue(event.signatureValid(), type);
        }
    }

    private static String uploadTrainingData(String name) throws Exception {
        assertEquals(201, server.postJson("/api/v1/datasets", "{\"name\":\"" + name + "\",\"description\":\"x1, x2 -> y\"}", engineer)
                .status());
        StringBuilder csv = new StringBuilder("x1,x2,y\n");
        MutableDataset<Regressor> rows = TrainedModels.regressionData(TrainedModels.SEED);
        rows.forEach(e -> csv.append(e.lookup("x1").getValue()).append(',').append(e.lookup("x2").getValue()).append(',')
                .append(e.getOutput().getValues()[0]).append('\n'));
        HttpRequest request = HttpRequest.newBuilder(server.uri("/api/v1/datasets/" + name + "/versions?message=training+data"))
                .header("Authorization", engineer).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString(), StandardCharsets.UTF_8)).build();
        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        return name;
    }

    /** Trains nothing new: evaluates the given model, logs it with metrics and its data, and registers it. */
    private static String registerTrained(String model, String dataset, Model<Regressor> trained) {
        TestResponse exp = server.postJson(MLFLOW + "experiments/create", "{\"name\":\"flow-" + UUID.randomUUID() + "\"}", engineer);
        TestResponse run = server.postJson(MLFLOW + "runs/create", "{\"experiment_id\":\"" + exp.json().get("experiment_id") + "\"}",
                engineer);
        String runId = (String) ((Map<?, ?>) ((Map<?, ?>) run.json().get("run")).get("info")).get("run_id");
        assertEquals(201, server.postJson("/api/v1/runs/" + runId + "/inputs", "{\"dataset\":\"" + dataset
                + "\",\"version\":\"latest\",\"context\":\"training\"}", engineer).status());

        RegressionEvaluation eval = new RegressionEvaluator().evaluate(trained, TrainedModels.regressionData(7));
        Regressor y = new Regressor("y", Double.NaN);
        assertEquals(200, server.postJson(MLFLOW + "runs/log-batch", "{\"run_id\":\"" + runId + "\",\"metrics\":["
                + "{\"key\":\"r2\",\"value\":" + eval.r2(y) + ",\"timestamp\":1,\"step\":0},"
                + "{\"key\":\"rmse\",\"value\":" + eval.rmse(y) + ",\"timestamp\":1,\"step\":0}]}", engineer).status());

        LoggedModel logged = BallastModels.connect(server.baseUrl(), "flow-engineer", "flow-engineer-password-123").log(runId, trained);
        TestResponse created = server.postJson(MLFLOW + "model-versions/create", "{\"name\":\"" + model + "\",\"source\":\""
                + logged.runsUri() + "\",\"run_id\":\"" + runId + "\"}", engineer);
        assertEquals(200, created.status(), created.body());
        return (String) ((Map<?, ?>) created.json().get("model_version")).get("version");
    }

    private static long requestChampion(String model, String version, String auth) {
        TestResponse r = server.postJson("/api/v1/promotions", "{\"model\":\"" + model + "\",\"version\":\"" + version
                + "\",\"alias\":\"champion\",\"reason\":\"weekly retrain\"}", auth);
        assertEquals(201, r.status(), r.body());
        return ((Number) r.json().get("id")).longValue();
    }

    private static String champion(String model) {
        TestResponse r = server.get(MLFLOW + "registered-models/alias?name=" + model + "&alias=champion", engineer);
        assertEquals(200, r.status(), r.body());
        return (String) ((Map<?, ?>) r.json().get("model_version")).get("version");
    }
}
