package dev.ballast.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ballast.client.testing.TrainedModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link BallastModels} against a fake Ballast (the JDK's HTTP server) that records what it receives. */
class BallastModelsTest {
    private static final String RUN = "0123456789abcdef0123456789abcdef";
    private static final Instant NOW = Instant.parse("2025-03-01T10:15:30Z");

    private HttpServer server;
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, byte[]> uploads = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    private volatile String artifactUri = "mlflow-artifacts:/7/" + RUN + "/artifacts";
    private volatile int putStatus = 200;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        String call = ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath()
                + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
        calls.add(call);
        authorizations.add(ex.getRequestHeaders().getFirst("Authorization"));
        byte[] body = ex.getRequestBody().readAllBytes();
        String path = ex.getRequestURI().getRawPath();
        if (path.equals("/api/2.0/mlflow/runs/get")) {
            if (!ex.getRequestURI().getRawQuery().equals("run_id=" + RUN)) {
                reply(ex, 404, "{\"error_code\":\"RESOURCE_DOES_NOT_EXIST\",\"message\":\"Run 'nope' not found.\"}");
                return;
            }
            reply(ex, 200, "{\"run\":{\"info\":{\"run_id\":\"" + RUN + "\",\"artifact_uri\":\"" + artifactUri + "\"}}}");
        } else if (path.startsWith("/api/2.0/mlflow-artifacts/artifacts/")) {
            if (putStatus != 200) {
                reply(ex, putStatus, "{\"error_code\":\"PERMISSION_DENIED\",\"message\":\"User 'bob' may not write artifacts.\"}");
                return;
            }
            uploads.put(path.substring("/api/2.0/mlflow-artifacts/artifacts/".length()), body);
            reply(ex, 200, "{}");
        } else if (path.equals("/api/2.0/mlflow/runs/log-model")) {
            uploads.put("log-model", body);
            reply(ex, 200, "{}");
        } else {
            reply(ex, 404, "<html>not here</html>");
        }
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private BallastModels models(String authorization) {
        return new BallastModels(new BallastHttp(url(), authorization), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void uploadsTheModelItsDescriptorAndTheMlflowMarker() throws IOException {
        Model<Regressor> model = TrainedModels.linearRegression();
        LoggedModel logged = models("Bearer blst_secret").log(RUN, model);

        assertEquals("runs:/" + RUN + "/model", logged.runsUri());
        assertEquals("mlflow-artifacts:/7/" + RUN + "/artifacts/model", logged.artifactUri());
        assertEquals(List.of("GET /api/2.0/mlflow/runs/get?run_id=" + RUN,
                "PUT /api/2.0/mlflow-artifacts/artifacts/7/" + RUN + "/artifacts/model/model.tribuo",
                "PUT /api/2.0/mlflow-artifacts/artifacts/7/" + RUN + "/artifacts/model/ballast-model.json",
                "PUT /api/2.0/mlflow-artifacts/artifacts/7/" + RUN + "/artifacts/model/MLmodel",
                "POST /api/2.0/mlflow/runs/log-model"), calls);
        assertTrue(authorizations.stream().allMatch("Bearer blst_secret"::equals), authorizations.toString());

        String dir = "7/" + RUN + "/artifacts/model/";
        Model<?> read = Model.deserializeFromStream(new ByteArrayInputStream(uploads.get(dir + "model.tribuo")));
        assertEquals(model.getProvenance(), read.getProvenance());
        BallastModelDescriptor descriptor = BallastModelDescriptor.fromJson(uploads.get(dir + "ballast-model.json"));
        assertEquals(logged.descriptor(), descriptor);
        assertEquals(NOW, descriptor.createdAt());
        String mlmodel = new String(uploads.get(dir + "MLmodel"), StandardCharsets.UTF_8);
        assertTrue(mlmodel.contains("flavors:\n  ballast_tribuo:\n    model_file: 'model.tribuo'\n"), mlmodel);
        assertTrue(mlmodel.contains("utc_time_created: '2025-03-01 10:15:30.000000'"), mlmodel);
        Map<String, Object> logModel = Json.object(Json.parse(uploads.get("log-model")));
        assertEquals(RUN, logModel.get("run_id"));
        Map<String, Object> modelJson = Json.object(Json.parse(((String) logModel.get("model_json")).getBytes(StandardCharsets.UTF_8)));
        assertEquals("model", modelJson.get("artifact_path"));
        assertNotNull(Json.object(modelJson.get("flavors")).get("ballast_tribuo"));
    }

    @Test
    void sendsBasicCredentialsAndWritesUnderAChosenPath() {
        BallastModels models = BallastModels.connect(url(), "alice", "pw:with colon");
        LoggedModel logged = models.log(RUN, TrainedModels.logisticRegression(), "models/churn");
        assertEquals("runs:/" + RUN + "/models/churn", logged.runsUri());
        assertTrue(uploads.containsKey("7/" + RUN + "/artifacts/models/churn/ballast-model.json"), uploads.keySet().toString());
        assertEquals("Basic YWxpY2U6cHc6d2l0aCBjb2xvbg==", authorizations.get(0));
    }

    @Test
    void carriesBallastsErrorCodeAndMessage() {
        BallastModels models = models("Bearer t");
        BallastClientException e = assertThrows(BallastClientException.class, () -> models.log("nope", TrainedModels.linearRegression()));
        assertEquals(404, e.status());
        assertEquals("RESOURCE_DOES_NOT_EXIST", e.errorCode());
        assertEquals("GET /api/2.0/mlflow/runs/get?run_id=nope failed with HTTP 404 RESOURCE_DOES_NOT_EXIST: Run 'nope' not found.", e.getMessage());

        putStatus = 403;
        e = assertThrows(BallastClientException.class, () -> models.log(RUN, TrainedModels.linearRegression()));
        assertEquals("PERMISSION_DENIED", e.errorCode());
        assertTrue(e.getMessage().endsWith("User 'bob' may not write artifacts."), e.getMessage());
    }

    @Test
    void refusesRunsWhoseArtifactsBallastDoesNotStore() {
        artifactUri = "s3://bucket/prefix/" + RUN + "/artifacts";
        BallastClientException e = assertThrows(BallastClientException.class, () -> models("Bearer t").log(RUN, TrainedModels.linearRegression()));
        assertTrue(e.getMessage().contains("s3://bucket/prefix"), e.getMessage());
        assertEquals(1, calls.size());
    }

    @Test
    void refusesUnsafeArtifactPaths() {
        BallastModels models = models("Bearer t");
        Model<Regressor> model = TrainedModels.linearRegression();
        for (String bad : new String[]{"../x", "a/./b", "/abs", "a//b", "model/", "", "a b"}) {
            assertThrows(IllegalArgumentException.class, () -> models.log(RUN, model, bad), bad);
        }
        assertEquals(List.of(), calls);
    }

    @Test
    void readsTheMlflowEnvironment() {
        assertThrows(IllegalStateException.class, () -> BallastModels.fromEnvironment(Map.of()));
        assertThrows(IllegalStateException.class, () -> BallastModels.fromEnvironment(Map.of("MLFLOW_TRACKING_URI", url())));
        BallastModels models = BallastModels.fromEnvironment(Map.of("MLFLOW_TRACKING_URI", url(), "MLFLOW_TRACKING_TOKEN", "blst_x"));
        models.log(RUN, TrainedModels.linearRegression());
        assertEquals("Bearer blst_x", authorizations.get(0));
    }

    @Test
    void storePathDropsTheSchemeAndAnyAuthority() {
        assertEquals("1/abc/artifacts", BallastModels.storePath("mlflow-artifacts:/1/abc/artifacts/", "abc"));
        assertEquals("1/abc/artifacts", BallastModels.storePath("mlflow-artifacts://host:5000/1/abc/artifacts", "abc"));
    }
}
