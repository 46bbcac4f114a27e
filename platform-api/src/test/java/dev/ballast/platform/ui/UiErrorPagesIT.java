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

/** What a browser gets when a page fails: an HTML error page with the status, at once. */
class UiErrorPagesIT {
    private static BallastTestServer server;

    @BeforeAll
    static void start() {
        server = BallastTestServer.start(Map.of("ballast.test.broken-page", "true"));
        server.createUser("errors-engineer", "ENGINEER");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aTemplateThatFailsGivesA500PageInsteadOfAHangingRequest() {
        UiSession session = UiSession.signIn(server, "errors-engineer", "errors-engineer-password-123");
        long started = System.nanoTime();
        TestResponse r = session.get("/ui/test/broken");
        assertTrue(System.nanoTime() - started < 10_000_000_000L, "answered without waiting for a timeout");
        assertEquals(500, r.status(), r.toString());
        assertTrue(r.header("content-type").startsWith("text/html"), r.toString());
        assertTrue(r.body().contains("Request id"), r.body());
        assertFalse(r.body().contains("missing"), "no template internals in the page: " + r.body());
    }

    @Test
    void anUnknownPageIsA404Page() {
        UiSession session = UiSession.signIn(server, "errors-engineer", "errors-engineer-password-123");
        TestResponse r = session.get("/ui/no/such/page");
        assertEquals(404, r.status(), r.toString());
        assertTrue(r.header("content-type").startsWith("text/html"), r.toString());
    }
}
