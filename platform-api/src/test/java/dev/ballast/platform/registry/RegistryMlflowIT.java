package dev.ballast.platform.registry;

import dev.ballast.platform.testing.BallastTestServer;
import dev.ballast.platform.testing.TestResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlflow.api.proto.ModelRegistry.ModelVersion;
import org.mlflow.api.proto.ModelRegistry.RegisteredModel;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.MlflowHttpException;
import org.mlflow.tracking.ModelVersionsPage;
import org.mlflow.tracking.creds.BasicMlflowHostCreds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MLflow's model registry API, driven by the official Java client where it has a method
 * (get model, get version, latest versions, search versions with paging, download URI) and by
 * its generic send methods or raw HTTP for the rest, including every error the client meets.
 */
class RegistryMlflowIT {
    private static final String API = "/api/2.0/mlflow/";
    private static BallastTestServer server;
    private static MlflowClient client;
    private static String reviewer;

    @BeforeAll
    static void start() {
        server = BallastTestServer.start();
        client = new MlflowClient(new BasicMlflowHostCreds(server.baseUrl(), BallastTestServer.ADMIN, BallastTestServer.ADMIN_PASSWORD));
        reviewer = server.createUser("reg-reviewer", "REVIEWER");
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String createModel(String name) {
        client.sendPost("registered-models/create", "{\"name\":\"" + name + "\",\"description\":\"first\","
                + "\"tags\":[{\"key\":\"team\",\"value\":\"growth\"}]}");
        return name;
    }

    private static String newRun() {
        String exp = client.createExperiment(unique("reg-exp"));
        return client.createRun(exp).getRunId();
    }

    private static ModelVersion createVersion(String model, String runId) {
        String json = client.sendPost("model-versions/create", "{\"name\":\"" + model + "\",\"source\":\"runs:/" + runId
                + "/model\",\"run_id\":\"" + runId + "\",\"tags\":[{\"key\":\"k\",\"value\":\"v\"}]}");
        assertTrue(json.contains("\"status\":\"READY\""), json);
        String version = json.replaceAll(".*\"version\":\"(\\d+)\".*", "$1");
        return client.getModelVersion(model, version);
    }

    private static TestResponse raw(String method, String path, String body) {
        return server.send(method, API + path, body, body == null ? null : "application/json", server.adminAuth());
    }

    private static int status(Runnable call) {
        MlflowHttpException e = assertThrows(MlflowHttpException.class, call::run);
        return e.getStatusCode();
    }

    @Test
    void createsReadsRenamesUpdatesAndDeletesRegisteredModels() {
        String name = createModel(unique("churn"));
        RegisteredModel m = client.getRegisteredModel(name);
        assertEquals(name, m.getName());
        assertEquals("first", m.getDescription());
        assertEquals("growth", m.getTags(0).getValue());
        assertTrue(m.getCreationTimestamp() > 0);

        TestResponse dup = server.postJson(API + "registered-models/create", "{\"name\":\"" + name + "\"}", server.adminAuth());
        assertEquals(400, dup.status());
        assertEquals("RESOURCE_ALREADY_EXISTS", dup.errorCode());

        String renamed = name + "-renamed";
        client.sendPost("registered-models/rename", "{\"name\":\"" + name + "\",\"new_name\":\"" + renamed + "\"}");
        assertEquals(404, status(() -> client.getRegisteredModel(name)));
        client.sendPatch("registered-models/update", "{\"name\":\"" + renamed + "\",\"description\":\"second\"}");
        assertEquals("second", client.getRegisteredModel(renamed).getDescription());

        client.sendPost("registered-models/set-tag", "{\"name\":\"" + renamed + "\",\"key\":\"owner\",\"value\":\"ana\"}");
        assertEquals(2, client.getRegisteredModel(renamed).getTagsCount());
        assertEquals(200, raw("DELETE", "registered-models/delete-tag", "{\"name\":\"" + renamed + "\",\"key\":\"owner\"}").status());
        assertEquals(1, client.getRegisteredModel(renamed).getTagsCount());

        assertEquals(200, raw("DELETE", "registered-models/delete", "{\"name\":\"" + renamed + "\"}").status());
        TestResponse missing = server.get(API + "registered-models/get?name=" + renamed, server.adminAuth());
        assertEquals(404, missing.status());
        assertEquals("RESOURCE_DOES_NOT_EXIST", missing.errorCode());
    }

    @Test
    void numbersVersionsPerModelAndNeverReusesANumber() {
        String model = createModel(unique("ranker"));
        String run = newRun();
        ModelVersion v1 = createVersion(model, run);
        ModelVersion v2 = createVersion(model, run);
        assertEquals("1", v1.getVersion());
        assertEquals("2", v2.getVersion());
        assertEquals("None", v1.getCurrentStage());
        assertEquals(run, v1.getRunId());
        assertEquals("runs:/" + run + "/model", v1.getSource());
        assertEquals("v", v1.getTags(0).getValue());

        assertEquals(200, raw("DELETE", "model-versions/delete", "{\"name\":\"" + model + "\",\"version\":\"2\"}").status());
        assertEquals(404, status(() -> client.getModelVersion(model, "2")));
        assertEquals("3", createVersion(model, run).getVersion());

        TestResponse missing = server.get(API + "model-versions/get?name=" + model + "&version=9", server.adminAuth());
        assertEquals(404, missing.status());
        assertEquals("RESOURCE_DOES_NOT_EXIST", missing.errorCode());
        assertEquals(400, server.get(API + "model-versions/get?name=" + model + "&version=abc", server.adminAuth()).status());

        client.sendPatch("model-versions/update", "{\"name\":\"" + model + "\",\"version\":\"1\",\"description\":\"baseline\"}");
        assertEquals("baseline", client.getModelVersion(model, "1").getDescription());
        client.sendPost("model-versions/set-tag", "{\"name\":\"" + model + "\",\"version\":\"1\",\"key\":\"q\",\"value\":\"ok\"}");
        assertEquals(2, client.getModelVersion(model, "1").getTagsCount());
        assertEquals(200, raw("DELETE", "model-versions/delete-tag", "{\"name\":\"" + model + "\",\"version\":\"1\",\"key\":\"q\"}").status());
        assertEquals(1, client.getModelVersion(model, "1").getTagsCount());

        TestResponse noModel = server.postJson(API + "model-versions/create", "{\"name\":\"nope-" + run + "\",\"source\":\"runs:/" + run
                + "/model\"}", server.adminAuth());
        assertEquals(404, noModel.status());
        TestResponse noRun = server.postJson(API + "model-versions/create", "{\"name\":\"" + model
                + "\",\"source\":\"s3://bucket/m\",\"run_id\":\"0123456789abcdef0123456789abcdef\"}", server.adminAuth());
        assertEquals(404, noRun.status());
    }

    @Test
    void transitionsStagesAndAnswersLatestVersionsPerStage() {
        String model = createModel(unique("forecast"));
        String run = newRun();
        for (int i = 0; i < 3; i++) {
            createVersion(model, run);
        }
        client.sendPost("model-versions/transition-stage", "{\"name\":\"" + model + "\",\"version\":\"1\",\"stage\":\"staging\"}");
        String json = client.sendPost("model-versions/transition-stage", "{\"name\":\"" + model
                + "\",\"version\":\"2\",\"stage\":\"Staging\",\"archive_existing_versions\":true}");
        assertTrue(json.contains("\"current_stage\":\"Staging\""), json);
        assertEquals("Archived", client.getModelVersion(model, "1").getCurrentStage());

        List<ModelVersion> latest = client.getLatestVersions(model);
        assertEquals(List.of("Staging:2", "Archived:1", "None:3").stream().sorted().toList(),
                latest.stream().map(v -> v.getCurrentStage() + ":" + v.getVersion()).sorted().toList());
        assertEquals("2", client.getLatestVersions(model, List.of("Staging")).get(0).getVersion());
        TestResponse post = server.postJson(API + "registered-models/get-latest-versions", "{\"name\":\"" + model
                + "\",\"stages\":[\"None\"]}", server.adminAuth());
        assertEquals(200, post.status());
        assertTrue(post.body().contains("\"version\":\"3\""), post.body());
        assertEquals(3, client.getRegisteredModel(model).getLatestVersionsCount());

        TestResponse bad = server.postJson(API + "model-versions/transition-stage", "{\"name\":\"" + model
                + "\",\"version\":\"3\",\"stage\":\"Shipping\"}", server.adminAuth());
        assertEquals(400, bad.status());
        assertEquals("INVALID_PARAMETER_VALUE", bad.errorCode());
        TestResponse archiveWrong = server.postJson(API + "model-versions/transition-stage", "{\"name\":\"" + model
                + "\",\"version\":\"3\",\"stage\":\"Archived\",\"archive_existing_versions\":true}", server.adminAuth());
        assertEquals(400, archiveWrong.status());

        TestResponse production = server.postJson(API + "model-versions/transition-stage", "{\"name\":\"" + model
                + "\",\"version\":\"3\",\"stage\":\"Production\"}", server.adminAuth());
        assertEquals(403, production.status());
        assertEquals("PERMISSION_DENIED", production.errorCode());
        assertTrue(production.body().contains("/api/v1/promotions"), production.body());
        assertEquals("None", client.getModelVersion(model, "3").getCurrentStage());
    }

    @Test
    void setsMovesReadsAndDeletesAliasesByMlflowsRules() {
        String model = createModel(unique("segmenter"));
        String run = newRun();
        createVersion(model, run);
        createVersion(model, run);
        assertEquals(200, raw("POST", "registered-models/alias", "{\"name\":\"" + model + "\",\"alias\":\"challenger\",\"version\":\"1\"}")
                .status());
        TestResponse byAlias = server.get(API + "registered-models/alias?name=" + model + "&alias=challenger", server.adminAuth());
        assertEquals(200, byAlias.status());
        assertTrue(byAlias.body().contains("\"version\":\"1\""), byAlias.body());
        assertEquals(List.of("challenger"), client.getModelVersion(model, "1").getAliasesList());

        raw("POST", "registered-models/alias", "{\"name\":\"" + model + "\",\"alias\":\"challenger\",\"version\":\"2\"}");
        assertTrue(client.getModelVersion(model, "1").getAliasesList().isEmpty());
        RegisteredModel m = client.getRegisteredModel(model);
        assertEquals("challenger", m.getAliases(0).getAlias());
        assertEquals("2", m.getAliases(0).getVersion());

        for (String bad : List.of("latest", "v3", "has space", "")) {
            TestResponse r = raw("POST", "registered-models/alias", "{\"name\":\"" + model + "\",\"alias\":\"" + bad + "\",\"version\":\"1\"}");
            assertEquals(400, r.status(), bad);
            assertEquals("INVALID_PARAMETER_VALUE", r.errorCode());
        }
        TestResponse champion = raw("POST", "registered-models/alias", "{\"name\":\"" + model + "\",\"alias\":\"champion\",\"version\":\"1\"}");
        assertEquals(403, champion.status());
        assertEquals("PERMISSION_DENIED", champion.errorCode());
        assertTrue(champion.json().get("message").toString().contains("POST /api/v1/promotions"), champion.body());

        assertEquals(200, raw("DELETE", "registered-models/alias", "{\"name\":\"" + model + "\",\"alias\":\"challenger\"}").status());
        TestResponse gone = server.get(API + "registered-models/alias?name=" + model + "&alias=challenger", server.adminAuth());
        assertEquals(404, gone.status());
        assertEquals(404, raw("DELETE", "registered-models/alias?name=" + model + "&alias=challenger", null).status());
    }

    @Test
    void searchesRegisteredModelsWithFiltersOrderAndPages() {
        String prefix = unique("search");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            names.add(createModel(prefix + "-" + i));
        }
        client.sendPost("registered-models/set-tag", "{\"name\":\"" + names.get(3) + "\",\"key\":\"tier\",\"value\":\"gold\"}");

        List<String> seen = new ArrayList<>();
        String token = null;
        int[] pageSizes = {2, 3, 5};
        int call = 0;
        do {
            String q = "registered-models/search?filter=" + enc("name LIKE '" + prefix + "-%'") + "&max_results=" + pageSizes[call++ % 3]
                    + "&order_by=" + enc("name DESC") + (token == null ? "" : "&page_token=" + enc(token));
            Map<String, Object> page = server.get(API + q, server.adminAuth()).json();
            for (Object o : (List<?>) page.getOrDefault("registered_models", List.of())) {
                seen.add((String) ((Map<?, ?>) o).get("name"));
            }
            token = (String) page.get("next_page_token");
        } while (token != null);
        List<String> expected = new ArrayList<>(names);
        expected.sort(java.util.Comparator.reverseOrder());
        assertEquals(expected, seen);

        Map<String, Object> tagged = server.get(API + "registered-models/search?filter=" + enc("tags.tier = 'gold'"), server.adminAuth()).json();
        assertEquals(1, ((List<?>) tagged.get("registered_models")).size());

        TestResponse injection = server.get(API + "registered-models/search?filter=" + enc("name = 'x' OR 1=1; DROP TABLE audit_log --"),
                server.adminAuth());
        assertEquals(400, injection.status());
        assertEquals("INVALID_PARAMETER_VALUE", injection.errorCode());
        TestResponse badKey = server.get(API + "registered-models/search?filter=" + enc("run_id = 'x'"), server.adminAuth());
        assertEquals(400, badKey.status());
        TestResponse tooMany = server.get(API + "registered-models/search?max_results=5000", server.adminAuth());
        assertEquals(400, tooMany.status());
    }

    @Test
    void searchesModelVersionsByRunIdsSourceVersionAndTagsWithTokensValidAcrossPageSizes() {
        String model = createModel(unique("pager"));
        String runA = newRun();
        String runB = newRun();
        for (int i = 0; i < 6; i++) {
            createVersion(model, i % 2 == 0 ? runA : runB);
        }
        ModelVersionsPage first = client.searchModelVersions("name = '" + model + "'", 4, List.of(), null);
        assertEquals(List.of("6", "5", "4", "3"), first.getItems().stream().map(ModelVersion::getVersion).toList());
        assertTrue(first.hasNextPage());
        ModelVersionsPage rest = client.searchModelVersions("name = '" + model + "'", 1, List.of(), first.getNextPageToken().orElseThrow());
        assertEquals(List.of("2"), rest.getItems().stream().map(ModelVersion::getVersion).toList());
        ModelVersionsPage last = client.searchModelVersions("name = '" + model + "'", 10, List.of(), rest.getNextPageToken().orElseThrow());
        assertEquals(List.of("1"), last.getItems().stream().map(ModelVersion::getVersion).toList());
        assertFalse(last.hasNextPage());

        assertEquals(3, client.searchModelVersions("run_id = '" + runA + "'").getItems().size());
        assertEquals(6, client.searchModelVersions("run_id IN ('" + runA + "', '" + runB + "')").getItems().size());
        assertEquals(List.of("5", "6"), client.searchModelVersions("name = '" + model + "' AND version_number >= 5", 10,
                List.of("version_number ASC"), null).getItems().stream().map(ModelVersion::getVersion).toList());
        assertEquals(6, client.searchModelVersions("source_path LIKE 'runs:/%/model' AND name = '" + model + "'").getItems().size());
        assertEquals(6, client.searchModelVersions("tags.k = 'v' AND name = '" + model + "'").getItems().size());
        assertEquals(400, status(() -> client.searchModelVersions("version_number = 'one'")));
    }

    @Test
    void answersTheDownloadUriOfARunsSource() {
        String model = createModel(unique("uri"));
        String run = newRun();
        createVersion(model, run);
        String uri = client.getModelVersionDownloadUri(model, "1");
        assertTrue(uri.startsWith("mlflow-artifacts:/") && uri.endsWith("/" + run + "/artifacts/model"), uri);
    }

    @Test
    void letsEveryoneReadButOnlyEngineersWrite() {
        String model = createModel(unique("perm"));
        assertEquals(200, server.get(API + "registered-models/get?name=" + model, reviewer).status());
        TestResponse denied = server.postJson(API + "registered-models/create", "{\"name\":\"" + unique("x") + "\"}", reviewer);
        assertEquals(403, denied.status());
        assertEquals("PERMISSION_DENIED", denied.errorCode());
        assertEquals(401, server.get(API + "registered-models/get?name=" + model, null).status());
    }

    @Test
    void refusesMalformedRequestsInTheErrorShape() {
        TestResponse malformed = server.postJson(API + "registered-models/create", "{\"name\":", server.adminAuth());
        assertEquals(400, malformed.status());
        assertEquals("BAD_REQUEST", malformed.errorCode());
        TestResponse wrongType = server.postJson(API + "registered-models/create", "{\"name\":[1]}", server.adminAuth());
        assertEquals(400, wrongType.status());
        TestResponse slash = server.postJson(API + "registered-models/create", "{\"name\":\"a/b\"}", server.adminAuth());
        assertEquals(400, slash.status());
        assertEquals(400, server.get(API + "registered-models/get?name=", server.adminAuth()).status());
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
