package dev.ballast.platform.ui;

import dev.ballast.platform.testing.BallastTestServer;
import dev.ballast.platform.testing.TestResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sign-in sessions and CSRF of the web UI over plain HTTP: cookie flags, where a sign-in may
 * redirect to, what ends a session, and that state-changing posts need the session's token.
 */
class WebSessionsIT {
    private static BallastTestServer server;

    @BeforeAll
    static void start() {
        server = BallastTestServer.start();
        server.createUser("ui-engineer", "ENGINEER");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void pagesSendAnonymousBrowsersToTheSignInFormAndBack() {
        TestResponse r = server.get("/ui/experiments?q=abc", null);
        assertEquals(303, r.status());
        assertEquals("/ui/login?next=%2Fui%2Fexperiments%3Fq%3Dabc", r.header("location"));
        TestResponse form = server.get("/ui/login?next=%2Fui%2Fexperiments%3Fq%3Dabc", null);
        assertEquals(200, form.status());
        assertTrue(form.body().contains("name=\"next\" value=\"/ui/experiments?q=abc\""), form.body());
        TestResponse basic = server.get("/ui/experiments", server.adminAuth());
        assertEquals(303, basic.status(), "pages take the session cookie, not API credentials");
    }

    @Test
    void signInSetsAHttpOnlySameSiteCookieLimitedToTheUi() {
        TestResponse r = server.send("POST", "/ui/login", UiSession.form(Map.of("username", "ui-engineer",
                "password", "ui-engineer-password-123", "next", "/ui/experiments?q=x")), "application/x-www-form-urlencoded", null);
        assertEquals(303, r.status());
        assertEquals("/ui/experiments?q=x", r.header("location"));
        String cookie = r.header("set-cookie");
        assertTrue(cookie.startsWith("ballast_session=blst_"), cookie);
        assertTrue(cookie.contains("HTTPOnly") || cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        assertTrue(cookie.contains("Path=/ui"), cookie);
    }

    @Test
    void aWrongPasswordShowsTheFormAgainWithTheErrorAndNoCookie() {
        TestResponse r = server.send("POST", "/ui/login", UiSession.form(Map.of("username", "ui-engineer", "password", "nope-nope-nope")),
                "application/x-www-form-urlencoded", null);
        assertEquals(401, r.status());
        assertTrue(r.body().contains("role=\"alert\""), r.body());
        assertTrue(r.body().contains("Wrong user name or password"), r.body());
        assertEquals(null, r.header("set-cookie"));
    }

    @Test
    void signInNeverRedirectsToAnotherSite() {
        for (String next : new String[]{"//evil.example/ui/x", "https://evil.example/ui/", "/\\evil.example", "javascript:alert(1)", "/api/2.0/x"}) {
            TestResponse r = server.send("POST", "/ui/login", UiSession.form(Map.of("username", "ui-engineer",
                    "password", "ui-engineer-password-123", "next", next)), "application/x-www-form-urlencoded", null);
            assertEquals(303, r.status());
            assertEquals("/ui/experiments", r.header("location"), next);
        }
    }

    @Test
    void everyPageShowsTheSignedInUserAndRole() {
        UiSession session = UiSession.signIn(server, "ui-engineer", "ui-engineer-password-123");
        TestResponse page = session.get("/ui/experiments");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<span>ui-engineer</span>"), page.body());
        assertTrue(page.body().contains("ENGINEER"), page.body());
        assertTrue(page.header("content-security-policy").contains("script-src 'self'"));
        assertEquals("DENY", page.header("x-frame-options"));
    }

    @Test
    void postsWithoutTheSessionsCsrfTokenAreRefused() {
        UiSession session = UiSession.signIn(server, "ui-engineer", "ui-engineer-password-123");
        TestResponse none = session.postWithoutToken("/ui/logout", Map.of());
        assertEquals(403, none.status());
        assertTrue(none.header("content-type").startsWith("text/html"), none.toString());
        assertTrue(none.body().contains("security token"), none.body());
        TestResponse inBody = session.postWithoutToken("/ui/logout", Map.of("_csrf", session.csrf()));
        assertEquals(403, inBody.status(), "the token counts only in its header");
        UiSession other = UiSession.signIn(server, "ui-engineer", "ui-engineer-password-123");
        assertEquals(403, session.postWithToken("/ui/logout", Map.of(), other.csrf()).status(), "another session's token");
        assertEquals(200, session.get("/ui/experiments").status(), "refused posts change nothing");
        TestResponse signOut = session.post("/ui/logout", Map.of());
        assertEquals(200, signOut.status());
        assertEquals("/ui/login", signOut.header("hx-redirect"));
    }

    @Test
    void signingOutEndsTheSessionOnTheServer() {
        UiSession session = UiSession.signIn(server, "ui-engineer", "ui-engineer-password-123");
        assertEquals(200, session.post("/ui/logout", Map.of()).status());
        assertEquals(303, session.get("/ui/experiments").status(), "the old cookie no longer signs anyone in");
    }

    @Test
    void changingThePasswordOrDisablingTheUserEndsTheirSessions() {
        server.createUser("ui-leaver", "ENGINEER");
        UiSession session = UiSession.signIn(server, "ui-leaver", "ui-leaver-password-123");
        assertEquals(200, session.get("/ui/experiments").status());
        TestResponse changed = server.send("PUT", "/api/v1/users/ui-leaver/password", "{\"password\":\"a-brand-new-password-1\"}",
                "application/json", server.adminAuth());
        assertTrue(changed.status() < 300, changed.toString());
        assertEquals(303, session.get("/ui/experiments").status());

        UiSession again = UiSession.signIn(server, "ui-leaver", "a-brand-new-password-1");
        TestResponse disabled = server.send("PATCH", "/api/v1/users/ui-leaver", "{\"enabled\":false}", "application/json", server.adminAuth());
        assertTrue(disabled.status() < 300, disabled.toString());
        assertEquals(303, again.get("/ui/experiments").status());
        assertFalse(server.send("POST", "/ui/login", UiSession.form(Map.of("username", "ui-leaver", "password", "a-brand-new-password-1")),
                "application/x-www-form-urlencoded", null).status() == 303);
    }
}
