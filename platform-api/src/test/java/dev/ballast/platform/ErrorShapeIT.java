package dev.ballast.platform;

import dev.ballast.platform.testing.BallastTestServer;
import dev.ballast.platform.testing.TestResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of bad input and failure is answered as {"error_code","message"} with the right status. */
class ErrorShapeIT {
    private static BallastTestServer server;

    @BeforeAll
    static void start() {
        server = BallastTestServer.start(Map.of(
                "ballast.http.max-body-size", "4KB",
                "ballast.test.failing-controller", "true"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static void assertShape(TestResponse r, int status, String code) {
        assertEquals(status, r.status(), r.toString());
        assertTrue(r.header("Content-Type").startsWith("application/json"), r.headers().toString());
        Map<String, Object> body = r.json();
        assertEquals(code, body.get("error_code"), r.body());
        assertNotNull(body.get("message"));
        assertEquals(2, body.size(), "only error_code and message: " + r.body());
    }

    @Test
    void answersMalformedJsonWithBadRequest() {
        assertShape(server.postJson("/api/v1/users", "{\"username\": \"x\",", server.adminAuth()), 400, "BAD_REQUEST");
        assertShape(server.postJson("/api/v1/users", "not json at all", server.adminAuth()), 400, "BAD_REQUEST");
    }

    @Test
    void answersWrongFieldTypesWithBadRequest() {
        assertShape(server.postJson("/api/v1/tokens", "{\"name\":\"t\",\"expires_in_days\":\"soon\"}", server.adminAuth()), 400, "BAD_REQUEST");
        assertShape(server.send("PATCH", "/api/v1/users/admin", "{\"enabled\":{\"nested\":1}}", "application/json", server.adminAuth()), 400, "BAD_REQUEST");
        assertShape(server.send("DELETE", "/api/v1/tokens/not-a-number", null, null, server.adminAuth()), 400, "BAD_REQUEST");
    }

    @Test
    void answersOversizeBodiesWithRequestTooLarge() {
        String big = "{\"name\":\"" + "x".repeat(8 * 1024) + "\"}";
        assertShape(server.postJson("/api/v1/tokens", big, server.adminAuth()), 413, "REQUEST_TOO_LARGE");
    }

    @Test
    void answersUnknownRoutesWithEndpointNotFound() {
        assertShape(server.get("/api/2.0/mlflow/nope", server.adminAuth()), 404, "ENDPOINT_NOT_FOUND");
    }

    @Test
    void answersAWrongMethodWithMethodNotAllowed() {
        assertShape(server.send("DELETE", "/api/v1/users/me", null, null, server.adminAuth()), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void answersAWrongMediaTypeWithUnsupportedMediaType() {
        assertShape(server.send("POST", "/api/v1/tokens", "name=x", "application/x-www-form-urlencoded", server.adminAuth()),
                415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void answersUnknownResourcesWithResourceDoesNotExist() {
        assertShape(server.get("/api/v1/users/nobody-here", server.adminAuth()), 404, "RESOURCE_DOES_NOT_EXIST");
    }

    @Test
    void hidesInternalErrorsBehindARequestId() {
        TestResponse r = server.get("/api/test/boom", server.adminAuth());
        assertShape(r, 500, "INTERNAL_ERROR");
        assertFalse(r.body().contains("secret detail"), r.body());
        assertFalse(r.body().contains("Exception"), r.body());
        assertTrue(r.body().contains(r.header("X-Request-Id")), "the message names the request id to report");
    }
}
