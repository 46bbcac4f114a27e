package dev.ballast.platform.registry;

import dev.ballast.client.BallastClientException;
import dev.ballast.client.BallastModels;
import dev.ballast.client.LoggedModel;
import dev.ballast.client.TaskType;
import dev.ballast.client.testing.TrainedModels;
import dev.ballast.platform.testing.BallastTestServer;
import dev.ballast.platform.testing.TestResponse;
import dev.ballast.registry.app.tribuo.InspectedModel;
import dev.ballast.registry.app.tribuo.ModelPrediction;
import dev.ballast.registry.app.tribuo.TribuoModelInspector;
import dev.ballast.registry.app.tribuo.TribuoPredictor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engineer's two lines ({@code BallastModels.connect(...)}, {@code models.log(runId, model)})
 * against a running Ballast: the artifacts arrive through the MLflow artifact proxy, download
 * byte-exact, and pass the registry's {@link TribuoModelInspector}.
 */
class BallastModelsIT {
    private static final String PROXY = "/api/2.0/mlflow-artifacts/artifacts/";
    private static BallastTestServer server;
    private static String engineer;
    private static final String USER = "tribuo-engineer";
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() {
        server = BallastTestServer.start();
        engineer = server.createUser(USER, "ENGINEER");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Map<?, ?> createRun() {
        TestResponse exp = server.postJson("/api/2.0/mlflow/experiments/create",
                "{\"name\":\"tribuo-" + UUID.randomUUID() + "\"}", engineer);
        assertEquals(200, exp.status(), exp.toString());
        TestResponse run = server.postJson("/api/2.0/mlflow/runs/create",
                "{\"experiment_id\":\"" + exp.json().get("experiment_id") + "\"}", engineer);
        assertEquals(200, run.status(), run.toString());
        return (Map<?, ?>) ((Map<?, ?>) run.json().get("run")).get("info");
    }

    private static byte[] download(String artifactUri, String file) {
        String path = artifactUri.substring("mlflow-artifacts:/".length()) + "/" + file;
        HttpRequest request = HttpRequest.newBuilder(server.uri(PROXY + path)).header("Authorization", engineer).GET().build();
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode(), path);
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static InspectedModel inspectDownloaded(LoggedModel logged) {
        TribuoModelInspector inspector = server.context().getBean(TribuoModelInspector.class);
        return inspector.inspect(download(logged.artifactUri(), "model.tribuo"), download(logged.artifactUri(), "ballast-model.json"));
    }

    @Test
    void logsARegressionThatTheRegistryLoadsAndChecks() {
        Map<?, ?> run = createRun();
        String runId = (String) run.get("run_id");
        Model<Regressor> model = TrainedModels.linearRegression();

        BallastModels models = BallastModels.connect(server.baseUrl(), USER, USER + "-password-123");
        LoggedModel logged = models.log(runId, model);

        assertEquals("runs:/" + runId + "/model", logged.runsUri());
        assertEquals(run.get("artifact_uri") + "/model", logged.artifactUri());
        InspectedModel inspected = inspectDownloaded(logged);
        assertEquals(TaskType.REGRESSION, inspected.taskType());
        assertEquals(List.of("x1", "x2"), inspected.featureNames());
        assertEquals(logged.descriptor(), inspected.descriptor());
        assertEquals(model.getProvenance(), inspected.model().getProvenance());
        ModelPrediction p = server.context().getBean(TribuoPredictor.class).predict(inspected.model(), Map.of("x1", 0.5, "x2", -0.25));
        assertEquals(1.75, p.values().get("y"), 0.05);

        TestResponse listing = server.get("/api/2.0/mlflow/artifacts/list?run_id=" + runId + "&path=model", engineer);
        assertEquals(200, listing.status(), listing.toString());
        for (String file : List.of("model/MLmodel", "model/ballast-model.json", "model/model.tribuo")) {
            assertTrue(listing.body().contains("\"" + file + "\""), listing.body());
        }
        TestResponse got = server.get("/api/2.0/mlflow/runs/get?run_id=" + runId, engineer);
        assertTrue(got.body().contains("mlflow.log-model.history"), got.body());
        assertTrue(got.body().contains("ballast_tribuo"), got.body());
    }

    @Test
    void logsAClassificationWithAnApiTokenUnderAChosenPath() {
        TestResponse issued = server.postJson("/api/v1/tokens", "{\"name\":\"training-job\"}", engineer);
        assertEquals(200, issued.status(), issued.toString());
        String token = (String) issued.json().get("token");
        String runId = (String) createRun().get("run_id");
        Model<Label> model = TrainedModels.logisticRegression();

        LoggedModel logged = BallastModels.connect(server.baseUrl(), token).log(runId, model, "models/bands");

        assertEquals("runs:/" + runId + "/models/bands", logged.runsUri());
        InspectedModel inspected = inspectDownloaded(logged);
        assertEquals(TaskType.CLASSIFICATION, inspected.taskType());
        assertEquals(List.of("high", "low", "mid"), inspected.output().labels());
        assertEquals("org.tribuo.classification.sgd.linear.LogisticRegressionTrainer", inspected.trainerClass());
    }

    @Test
    void reportsBallastsErrors() {
        BallastModels wrongPassword = BallastModels.connect(server.baseUrl(), USER, "not-the-password");
        BallastClientException e = assertThrows(BallastClientException.class,
                () -> wrongPassword.log("0".repeat(32), TrainedModels.linearRegression()));
        assertEquals(401, e.status());
        assertEquals("UNAUTHENTICATED", e.errorCode());

        BallastModels models = BallastModels.connect(server.baseUrl(), USER, USER + "-password-123");
        e = assertThrows(BallastClientException.class, () -> models.log("0".repeat(32), TrainedModels.linearRegression()));
        assertEquals(404, e.status());
        assertEquals("RESOURCE_DOES_NOT_EXIST", e.errorCode());
        assertTrue(e.getMessage().contains("0".repeat(32)), e.getMessage());
    }
}
