package dev.ballast.platform.tracking;

import dev.ballast.platform.testing.BallastTestServer;
import dev.ballast.platform.testing.TestResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The MLflow API over raw HTTP, for what the Java client does not exercise: the Python client's
 * JSON (numbers where Java sends strings), GET query strings, the ajax-api prefix, log-inputs,
 * and the refusals of malformed input.
 */
class MlflowHttpIT {
    private static final String API = "/api/2.0/mlflow";
    private static BallastTestServer server;
    private static String auth;

    @BeforeAll
    static void start() {
        server = BallastTestServer.start();
        auth = server.adminAuth();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static TestResponse post(String path, String json) {
        return server.postJson(API + path, json, auth);
    }

    private static TestResponse get(String pathAndQuery) {
        return server.get(API + pathAndQuery, auth);
    }

    private static String newExperiment() {
        TestResponse r = post("/experiments/create", "{\"name\":\"http-" + UUID.randomUUID() + "\"}");
        assertEquals(200, r.status(), r.toString());
        return (String) r.json().get("experiment_id");
    }

    private static String newRun(String experimentId) {
        TestResponse r = post("/runs/create", "{\"experiment_id\":" + experimentId + ",\"start_time\":1700000000000}");
        assertEquals(200, r.status(), r.toString());
        return (String) info(r.json()).get("run_id");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> info(Map<String, Object> body) {
        return (Map<String, Object>) ((Map<String, Object>) body.get("run")).get("info");
    }

    @Test
    void acceptsInt64AsNumbersOrStringsAndEnumsByNameOrNumber() {
        String exp = newExperiment();
        TestResponse asString = post("/runs/create", "{\"experiment_id\":\"" + exp + "\",\"start_time\":\"1700000000001\"}");
        assertEquals(200, asString.status(), asString.toString());
        assertEquals(1700000000001L, ((Number) info(asString.json()).get("start_time")).longValue());
        String runId = (String) info(asString.json()).get("run_id");

        TestResponse byNumber = post("/runs/update", "{\"run_id\":\"" + runId + "\",\"status\":3,\"end_time\":1700000000999}");
        assertEquals(200, byNumber.status(), byNumber.toString());
        assertEquals("FINISHED", ((Map<?, ?>) byNumber.json().get("run_info")).get("status"));
        TestResponse byName = post("/runs/update", "{\"run_uuid\":\"" + runId + "\",\"status\":\"KILLED\"}");
        assertEquals("KILLED", ((Map<?, ?>) byName.json().get("run_info")).get("status"));
        assertEquals(runId, ((Map<?, ?>) byName.json().get("run_info")).get("run_uuid"), "both run_id and run_uuid come back");
    }

    @Test
    void writesNonFiniteDoublesAsMlflowStrings() {
        String runId = newRun(newExperiment());
        assertEquals(200, post("/runs/log-metric", "{\"run_id\":\"" + runId + "\",\"key\":\"n\",\"value\":\"NaN\",\"timestamp\":1,\"step\":0}").status());
        assertEquals(200, post("/runs/log-metric", "{\"run_id\":\"" + runId + "\",\"key\":\"i\",\"value\":\"-Infinity\",\"timestamp\":1}").status());
        TestResponse history = get("/metrics/get-history?run_id=" + runId + "&metric_key=n");
        assertTrue(history.body().contains("\"value\":\"NaN\""), history.body());
        TestResponse run = get("/runs/get?run_id=" + runId);
        assertTrue(run.body().contains("\"value\":\"-Infinity\""), run.body());
    }

    @Test
    void answersEmptyObjectsAndOmitsTheLastPageToken() {
        String runId = newRun(newExperiment());
        TestResponse tag = post("/runs/set-tag", "{\"run_id\":\"" + runId + "\",\"key\":\"k\",\"value\":\"v\"}");
        assertEquals("{}", tag.body());
        TestResponse search = post("/runs/search", "{\"experiment_ids\":[\"0\"],\"max_results\":50000}");
        assertEquals(200, search.status());
        assertFalse(search.body().contains("next_page_token"), "no token without a next page");
    }

    @Test
    void readsGetParametersFromTheQueryStringWithRepeatedKeysAndPlusAsSpace() {
        String exp = newExperiment();
        String name = "name with spaces " + UUID.randomUUID();
        post("/experiments/update", "{\"experiment_id\":\"" + exp + "\",\"new_name\":\"" + name + "\"}");
        TestResponse byName = get("/experiments/get-by-name?experiment_name=" + name.replace(' ', '+'));
        assertEquals(200, byName.status(), byName.toString());
        TestResponse search = get("/experiments/search?max_results=5&order_by=name+ASC&order_by=experiment_id+DESC&filter=name+%3D+%27"
                + name.replace(" ", "+") + "%27");
        assertEquals(200, search.status(), search.toString());
        assertEquals(1, ((List<?>) search.json().get("experiments")).size());
    }

    @Test
    void pagesMetricHistoryWithTokensAndDefaultsTheUserToTheCaller() {
        String runId = newRun(newExperiment());
        StringBuilder batch = new StringBuilder("{\"run_id\":\"" + runId + "\",\"metrics\":[");
        for (int i = 0; i < 25; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"key\":\"m\",\"value\":").append(i).append(",\"timestamp\":").append(i)
                    .append(",\"step\":").append(i).append('}');
        }
        assertEquals(200, post("/runs/log-batch", batch.append("]}").toString()).status());
        int seen = 0;
        String token = null;
        do {
            TestResponse page = get("/metrics/get-history?run_id=" + runId + "&metric_key=m&max_results=10"
                    + (token == null ? "" : "&page_token=" + token));
            assertEquals(200, page.status(), page.toString());
            List<?> metrics = (List<?>) page.json().get("metrics");
            assertEquals(((Number) ((Map<?, ?>) metrics.get(0)).get("step")).intValue(), seen, "pages continue where the last ended");
            seen += metrics.size();
            token = (String) page.json().get("next_page_token");
        } while (token != null);
        assertEquals(25, seen);
        TestResponse run = get("/runs/get?run_id=" + runId);
        assertEquals("admin", info(run.json()).get("user_id"), "without user_id the authenticated user is recorded");
    }

    @Test
    void keepsLoggedModelsAsAJsonListInTheModelHistoryTag() {
        String runId = newRun(newExperiment());
        assertEquals(200, post("/runs/log-model", "{\"run_id\":\"" + runId + "\",\"model_json\":\"{\\\"artifact_path\\\":\\\"a\\\"}\"}").status());
        assertEquals(200, post("/runs/log-model", "{\"run_id\":\"" + runId + "\",\"model_json\":\"{\\\"artifact_path\\\":\\\"b\\\"}\"}").status());
        TestResponse run = get("/runs/get?run_id=" + runId);
        assertTrue(run.body().contains("[{\\\"artifact_path\\\":\\\"a\\\"}, {\\\"artifact_path\\\":\\\"b\\\"}]"), run.body());
        assertEquals("INVALID_PARAMETER_VALUE", post("/runs/log-model", "{\"run_id\":\"" + runId + "\"}").errorCode());
    }

    @Test
    void servesTheSameRoutesUnderAjaxApi() {
        TestResponse r = server.get("/ajax-api/2.0/mlflow/experiments/get?experiment_id=0", auth);
        assertEquals(200, r.status(), r.toString());
        assertEquals("Default", ((Map<?, ?>) r.json().get("experiment")).get("name"));
    }

    @Test
    void recordsRunInputsAndReturnsThemWithTheRun() {
        String runId = newRun(newExperiment());
        TestResponse r = post("/runs/log-inputs", "{\"run_id\":\"" + runId + "\",\"datasets\":[{\"tags\":[{\"key\":\"mlflow.data.context\","
                + "\"value\":\"training\"}],\"dataset\":{\"name\":\"influencers\",\"digest\":\"abc123\",\"source_type\":\"git\","
                + "\"source\":\"{\\\"uri\\\":\\\"x\\\"}\",\"schema\":\"{}\"}}]}");
        assertEquals(200, r.status(), r.toString());
        TestResponse run = get("/runs/get?run_id=" + runId);
        assertTrue(run.body().contains("\"dataset_inputs\""), run.body());
        assertTrue(run.body().contains("\"name\":\"influencers\""), run.body());
        TestResponse found = post("/runs/search", "{\"experiment_ids\":[\"" + info(run.json()).get("experiment_id")
                + "\"],\"filter\":\"dataset.name = 'influencers' AND dataset.context = 'training'\"}");
        assertEquals(1, ((List<?>) found.json().get("runs")).size(), found.body());
    }

    @Test
    void refusesMalformedFiltersAndTokensWith400() {
        TestResponse filter = post("/runs/search", "{\"experiment_ids\":[\"0\"],\"filter\":\"metrics.rmse <\"}");
        assertEquals(400, filter.status());
        assertEquals("INVALID_PARAMETER_VALUE", filter.errorCode());
        TestResponse injection = post("/runs/search", "{\"experiment_ids\":[\"0\"],\"filter\":\"params.x = 'a' OR 1=1; DROP TABLE runs\"}");
        assertEquals(400, injection.status());
        TestResponse token = post("/runs/search", "{\"experiment_ids\":[\"0\"],\"page_token\":\"not-a-token\"}");
        assertEquals(400, token.status());
        assertEquals("INVALID_PARAMETER_VALUE", token.errorCode());
        assertEquals(200, post("/runs/search", "{\"experiment_ids\":[\"0\"]}").status(), "the runs table survived");
    }

    @Test
    void refusesWrongTypesBadKeysAndDuplicateParams() {
        String runId = newRun(newExperiment());
        assertEquals("INVALID_PARAMETER_VALUE",
                post("/runs/log-metric", "{\"run_id\":\"" + runId + "\",\"key\":\"m\",\"value\":\"high\",\"timestamp\":1}").errorCode());
        assertEquals("INVALID_PARAMETER_VALUE",
                post("/runs/log-metric", "{\"run_id\":\"" + runId + "\",\"key\":\"m\",\"value\":1,\"timestamp\":\"soon\"}").errorCode());
        assertEquals("INVALID_PARAMETER_VALUE",
                post("/runs/log-metric", "{\"run_id\":\"" + runId + "\",\"key\":\"m\",\"value\":1,\"timestamp\":-5}").errorCode());
        assertEquals("INVALID_PARAMETER_VALUE",
                post("/runs/log-parameter", "{\"run_id\":\"" + runId + "\",\"key\":\"a/../b\",\"value\":\"x\"}").errorCode());
        assertEquals("INVALID_PARAMETER_VALUE",
                post("/runs/log-parameter", "{\"run_id\":\"" + runId + "\",\"key\":\"semi;colon\",\"value\":\"x\"}").errorCode());
        assertEquals("INVALID_PARAMETER_VALUE", post("/runs/log-batch", "{\"run_id\":\"" + runId
                + "\",\"params\":[{\"key\":\"p\",\"value\":\"1\"},{\"key\":\"p\",\"value\":\"1\"}]}").errorCode());
        assertEquals("INVALID_PARAMETER_VALUE", post("/runs/log-batch", "{\"run_id\":\"" + runId + "\",\"metrics\":{\"not\":\"a list\"}}").errorCode());
        assertEquals("INVALID_PARAMETER_VALUE", post("/runs/log-parameter", "{\"run_id\":\"" + runId
                + "\",\"key\":\"long\",\"value\":\"" + "x".repeat(6001) + "\"}").errorCode());
        assertEquals("BAD_REQUEST", post("/runs/log-batch", "{\"run_id\": ").errorCode());
        assertEquals("RESOURCE_DOES_NOT_EXIST", post("/runs/log-batch", "{\"run_id\":\"" + "f".repeat(32) + "\"}").errorCode());
    }
}
