package dev.ballast.platform;

import dev.ballast.platform.testing.BallastTestServer;
import dev.ballast.platform.testing.TestResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin API: creating users, setting roles, issuing and revoking tokens, and its refusals. */
class UsersAndTokensIT {
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
    void bootstrapsTheAdminFromTheConfiguredPassword() {
        TestResponse me = server.get("/api/v1/users/me", server.adminAuth());
        assertEquals(200, me.status());
        Map<?, ?> user = (Map<?, ?>) me.json().get("user");
        assertEquals("admin", user.get("username"));
        assertEquals("ADMIN", user.get("role"));
        assertFalse(me.body().contains("password"), "no hash or password may appear in a response");
    }

    @Test
    void createsUsersAndChangesTheirRole() {
        server.createUser("erin", "ENGINEER");
        TestResponse promoted = server.send("PATCH", "/api/v1/users/erin", "{\"role\":\"reviewer\"}", "application/json", server.adminAuth());
        assertEquals(200, promoted.status(), promoted.toString());
        assertEquals("REVIEWER", ((Map<?, ?>) promoted.json().get("user")).get("role"));

        TestResponse list = server.get("/api/v1/users", server.adminAuth());
        List<?> users = (List<?>) list.json().get("users");
        assertTrue(users.stream().anyMatch(u -> "erin".equals(((Map<?, ?>) u).get("username"))));
    }

    @Test
    void refusesADuplicateUserName() {
        server.createUser("frank", "ENGINEER");
        TestResponse again = server.postJson("/api/v1/users",
                "{\"username\":\"frank\",\"password\":\"another-password-1\",\"role\":\"ENGINEER\"}", server.adminAuth());
        assertEquals(400, again.status());
        assertEquals("RESOURCE_ALREADY_EXISTS", again.errorCode());
    }

    @Test
    void refusesWeakPasswordsUnknownRolesAndBadNames() {
        TestResponse weak = server.postJson("/api/v1/users", "{\"username\":\"gina\",\"password\":\"short\",\"role\":\"ENGINEER\"}", server.adminAuth());
        assertEquals("INVALID_PARAMETER_VALUE", weak.errorCode(), weak.toString());
        TestResponse role = server.postJson("/api/v1/users", "{\"username\":\"gina\",\"password\":\"long-enough-password\",\"role\":\"GOD\"}", server.adminAuth());
        assertEquals("INVALID_PARAMETER_VALUE", role.errorCode());
        TestResponse name = server.postJson("/api/v1/users", "{\"username\":\"<script>\",\"password\":\"long-enough-password\",\"role\":\"ENGINEER\"}", server.adminAuth());
        assertEquals("INVALID_PARAMETER_VALUE", name.errorCode());
        TestResponse missing = server.postJson("/api/v1/users", "{}", server.adminAuth());
        assertEquals(400, missing.status());
    }

    @Test
    void neverDemotesTheLastAdmin() {
        TestResponse r = server.send("PATCH", "/api/v1/users/admin", "{\"role\":\"ENGINEER\"}", "application/json", server.adminAuth());
        assertEquals(400, r.status());
        assertEquals("INVALID_STATE", r.errorCode());
    }

    @Test
    void showsATokenSecretOnlyWhenIssued() {
        String hank = server.createUser("hank", "ENGINEER");
        TestResponse issued = server.postJson("/api/v1/tokens", "{\"name\":\"ci\",\"expires_in_days\":30}", hank);
        String secret = (String) issued.json().get("token");
        Map<?, ?> view = (Map<?, ?>) issued.json().get("api_token");
        assertNotNull(view.get("expires_at"));
        assertNull(view.get("revoked_at"));

        TestResponse list = server.get("/api/v1/tokens", hank);
        assertEquals(200, list.status());
        assertFalse(list.body().contains(secret), "the secret must never be listed");
        assertTrue(list.body().contains((String) view.get("prefix")));
    }

    @Test
    void letsAnAdminIssueAndRevokeTokensForOthersButNotEngineers() {
        String ivan = server.createUser("ivan", "ENGINEER");
        String judy = server.createUser("judy", "ENGINEER");
        TestResponse forJudy = server.postJson("/api/v1/tokens", "{\"name\":\"svc\",\"username\":\"judy\"}", server.adminAuth());
        assertEquals(200, forJudy.status(), forJudy.toString());
        long id = ((Number) ((Map<?, ?>) forJudy.json().get("api_token")).get("id")).longValue();

        TestResponse notYours = server.postJson("/api/v1/tokens", "{\"name\":\"sneaky\",\"username\":\"judy\"}", ivan);
        assertEquals(403, notYours.status());
        assertEquals(404, server.send("DELETE", "/api/v1/tokens/" + id, null, null, ivan).status(),
                "someone else's token is invisible, not merely forbidden");
        assertEquals(200, server.send("DELETE", "/api/v1/tokens/" + id, null, null, judy).status());
    }

    @Test
    void refusesTokenRequestsWithoutANameOrWithAnAbsurdLifetime() {
        assertEquals("INVALID_PARAMETER_VALUE", server.postJson("/api/v1/tokens", "{}", server.adminAuth()).errorCode());
        assertEquals("INVALID_PARAMETER_VALUE",
                server.postJson("/api/v1/tokens", "{\"name\":\"x\",\"expires_in_days\":0}", server.adminAuth()).errorCode());
    }
}
