package dev.ballast.platform;

import dev.ballast.platform.testing.BallastTestServer;
import dev.ballast.platform.testing.TestResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What operators rely on: health with a database check, metrics, the OpenAPI page, request ids, the authenticated ping. */
class OperationsIT {
    private static BallastTestServer server;

    @BeforeAll
    static void start() {
        server = BallastTestServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void reportsHealthWithTheDatabaseCheck() {
        TestResponse r = server.get("/health", null);
        assertEquals(200, r.status());
        assertEquals("UP", r.json().get("status"));
        Map<?, ?> details = (Map<?, ?>) r.json().get("details");
        assertEquals("UP", ((Map<?, ?>) details.get("jdbc")).get("status"), r.body());
    }

    @Test
    void exportsPrometheusMetricsForHttpJvmAndThePool() {
        server.get("/api/v1/users/me", server.adminAuth());
        TestResponse r = server.get("/prometheus", null);
        assertEquals(200, r.status());
        assertTrue(r.header("Content-Type").startsWith("text/plain"), r.header("Content-Type"));
        for (String metric : new String[] {"http_server_requests_seconds_count", "http_server_requests_seconds_bucket",
                "jvm_memory_used_bytes", "hikaricp_connections_active"}) {
            assertTrue(r.body().lines().anyMatch(l -> l.startsWith(metric)), metric + " missing");
        }
    }

    @Test
    void servesTheBuildTimeOpenApiDocumentAndItsPage() {
        TestResponse spec = server.get("/swagger/ballast.yml", null);
        assertEquals(200, spec.status());
        assertTrue(spec.body().contains("/api/v1/users/me"), "the document lists the routes");
        assertTrue(spec.body().contains("/api/2.0/mlflow/runs/log-batch"), "and those of the other modules");
        assertTrue(spec.body().contains("/api/v1/datasets/{name}/versions/{version}/content"), "including the datasets API");
        assertTrue(spec.body().contains("/api/v1/runs/{run_id}/lineage"), "and lineage");
        assertTrue(spec.body().contains("/api/2.0/mlflow/registered-models/create"), "and the MLflow registry");
        assertTrue(spec.body().contains("/api/v1/promotions/{id}/approve"), "and promotions");
        assertTrue(spec.body().contains("/api/v1/audit"), "and the audit log");
        assertTrue(spec.body().contains("/serving/{model}/predict"), "and serving");
        assertTrue(spec.body().contains("/api/v1/serving/{model}/policy"), "and traffic policies");
        assertTrue(spec.body().contains("/api/v1/drift/ks"), "and drift checks");
        assertTrue(!spec.body().contains("schemas/Actor"), "the authenticated actor is not a request parameter");
        TestResponse page = server.get("/openapi/index.html", null);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("swagger"), "the browsable page is served by Ballast itself");
    }

    @Test
    void pingReadsTheBodyForAuthenticatedCallersOnly() {
        String body = "{\"inputs\":{\"f0\":0.1,\"f1\":-2.5}}";
        TestResponse ok = server.postJson("/api/v1/ping", body, server.adminAuth());
        assertEquals(200, ok.status(), ok.body());
        assertEquals(Boolean.TRUE, ok.json().get("ok"));
        assertEquals(200, server.postJson("/api/v1/ping", "{}", server.adminAuth()).status());
        TestResponse anonymous = server.postJson("/api/v1/ping", body, null);
        assertEquals(401, anonymous.status(), anonymous.body());
        assertEquals("UNAUTHENTICATED", anonymous.errorCode());
        assertTrue(server.get("/swagger/ballast.yml", null).body().contains("/api/v1/ping"), "ping is documented");
    }

    @Test
    void echoesASaneRequestIdAndReplacesAnythingElse() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> echoed = client.send(HttpRequest.newBuilder(server.uri("/health"))
                .header("X-Request-Id", "trace-123_abc").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("trace-123_abc", echoed.headers().firstValue("X-Request-Id").orElseThrow());

        HttpResponse<String> replaced = client.send(HttpRequest.newBuilder(server.uri("/health"))
                .header("X-Request-Id", "bad id with spaces\u00e9").build(), HttpResponse.BodyHandlers.ofString());
        String id = replaced.headers().firstValue("X-Request-Id").orElseThrow();
        assertNotEquals("bad id with spaces\u00e9", id);
        assertTrue(id.matches("[0-9a-f]{16}"), id);
    }
}
