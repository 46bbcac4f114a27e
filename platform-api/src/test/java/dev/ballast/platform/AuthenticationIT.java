package dev.ballast.platform;

import dev.ballast.platform.testing.BallastTestServer;
import dev.ballast.platform.testing.TestResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.ballast.platform.testing.BallastTestServer.basic;
import static dev.ballast.platform.testing.BallastTestServer.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who gets in: Basic credentials, API tokens, open paths, and the 401/403 answers for the rest. */
class AuthenticationIT {
    private static final String SEARCH = "/api/2.0/mlflow/experiments/search";
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
    void rejectsAnonymousApiCallsWithUnauthenticatedInTheErrorShape() {
        TestResponse r = server.postJson(SEARCH, "{}", null);
        assertEquals(401, r.status());
        assertEquals("UNAUTHENTICATED", r.errorCode());
        assertTrue(r.header("Content-Type").startsWith("application/json"));
        assertTrue(r.header("WWW-Authenticate").contains("Basic"));
        assertNotNull(r.json().get("message"));
    }

    @Test
    void rejectsAnonymousCallsToRoutesThatDoNotExist() {
        TestResponse r = server.get("/api/2.0/mlflow/no/such/thing", null);
        assertEquals(401, r.status(), "an anonymous caller must not learn which routes exist");
    }

    @Test
    void letsBasicCredentialsThroughToTheRouter() {
        TestResponse r = server.postJson(SEARCH, "{}", server.adminAuth());
        assertTrue(r.status() != 401 && r.status() != 403, r.toString());
    }

    @Test
    void rejectsAWrongPassword() {
        TestResponse r = server.get("/api/v1/users/me", basic(BallastTestServer.ADMIN, "wrong-password-123"));
        assertEquals(401, r.status());
        assertEquals("UNAUTHENTICATED", r.errorCode());
    }

    @Test
    void rejectsAnUnknownUserAndGarbledHeaders() {
        assertEquals(401, server.get("/api/v1/users/me", basic("nobody", "whatever-password")).status());
        assertEquals(401, server.get("/api/v1/users/me", "Basic !!!not-base64!!!").status());
        assertEquals(401, server.get("/api/v1/users/me", "Basic " + java.util.Base64.getEncoder().encodeToString("no-colon".getBytes())).status());
        assertEquals(401, server.get("/api/v1/users/me", "Digest username=admin").status());
        assertEquals(401, server.get("/api/v1/users/me", "Bearer").status());
    }

    @Test
    void keepsHealthOpen() {
        TestResponse r = server.get("/health", null);
        assertEquals(200, r.status());
        assertEquals("UP", r.json().get("status"));
    }

    @Test
    void acceptsAnIssuedTokenAndRefusesItOnceRevoked() {
        String alice = server.createUser("alice", "ENGINEER");
        TestResponse issued = server.postJson("/api/v1/tokens", "{\"name\":\"laptop\"}", alice);
        assertEquals(200, issued.status(), issued.toString());
        String token = (String) issued.json().get("token");
        assertTrue(token.startsWith("blst_"));
        long id = ((Number) ((Map<?, ?>) issued.json().get("api_token")).get("id")).longValue();

        TestResponse me = server.get("/api/v1/users/me", bearer(token));
        assertEquals(200, me.status(), me.toString());
        assertEquals("alice", ((Map<?, ?>) me.json().get("user")).get("username"));

        assertEquals(200, server.send("DELETE", "/api/v1/tokens/" + id, null, null, alice).status());
        TestResponse revoked = server.get("/api/v1/users/me", bearer(token));
        assertEquals(401, revoked.status());
        assertEquals("UNAUTHENTICATED", revoked.errorCode());
    }

    @Test
    void refusesATokenThatWasNeverIssued() {
        TestResponse r = server.get("/api/v1/users/me", bearer("blst_" + "A".repeat(43)));
        assertEquals(401, r.status());
        assertEquals("UNAUTHENTICATED", r.errorCode());
    }

    @Test
    void deniesAdminRoutesToEngineersWithPermissionDenied() {
        String bob = server.createUser("bob", "ENGINEER");
        TestResponse r = server.get("/api/v1/users", bob);
        assertEquals(403, r.status());
        assertEquals("PERMISSION_DENIED", r.errorCode());
    }

    @Test
    void locksOutADisabledUserAtOnce() {
        String carol = server.createUser("carol", "REVIEWER");
        assertEquals(200, server.get("/api/v1/users/me", carol).status());
        TestResponse disabled = server.send("PATCH", "/api/v1/users/carol", "{\"enabled\":false}", "application/json", server.adminAuth());
        assertEquals(200, disabled.status(), disabled.toString());
        assertEquals(401, server.get("/api/v1/users/me", carol).status());
    }

    @Test
    void forgetsTheOldPasswordAsSoonAsItChanges() {
        String dave = server.createUser("dave", "ENGINEER");
        assertEquals(200, server.get("/api/v1/users/me", dave).status());
        TestResponse changed = server.send("PUT", "/api/v1/users/dave/password", "{\"password\":\"a-brand-new-password\"}",
                "application/json", dave);
        assertEquals(200, changed.status(), changed.toString());
        assertEquals(401, server.get("/api/v1/users/me", dave).status(), "the remembered old password must stop working");
        assertEquals(200, server.get("/api/v1/users/me", basic("dave", "a-brand-new-password")).status());
    }
}
