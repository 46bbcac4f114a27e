package dev.ballast.platform.ui;

import dev.ballast.platform.testing.BallastTestServer;
import dev.ballast.platform.testing.TestResponse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A signed-in web UI session over plain HTTP, for tests of what the server does regardless of
 * the browser: role checks on forged posts, CSRF refusals, escaping in the served HTML.
 */
public final class UiSession {
    private static final Pattern CSRF = Pattern.compile("data-csrf=\"([^\"]+)\"");
    private static final Pattern COOKIE = Pattern.compile("ballast_session=([^;]+)");

    private final BallastTestServer server;
    private final String cookie;
    private final String csrf;

    private UiSession(BallastTestServer server, String cookie, String csrf) {
        this.server = server;
        this.cookie = cookie;
        this.csrf = csrf;
    }

    /** Signs in through the form; fails the test when the sign-in is refused. */
    public static UiSession signIn(BallastTestServer server, String username, String password) {
        TestResponse r = server.send("POST", "/ui/login", form(Map.of("username", username, "password", password)),
                "application/x-www-form-urlencoded", null);
        if (r.status() != 303) {
            throw new AssertionError("sign-in of " + username + " answered " + r.status() + ": " + r.body());
        }
        Matcher m = COOKIE.matcher(String.valueOf(r.headers().get("set-cookie")));
        if (!m.find()) {
            throw new AssertionError("no session cookie in " + r.headers());
        }
        String cookie = m.group(1);
        TestResponse page = server.send("GET", "/ui/experiments", null, null, null, Map.of("Cookie", "ballast_session=" + cookie));
        Matcher token = CSRF.matcher(page.body());
        if (!token.find()) {
            throw new AssertionError("no CSRF token on the experiments page: " + page);
        }
        return new UiSession(server, cookie, token.group(1));
    }

    public String csrf() {
        return csrf;
    }

    public TestResponse get(String path) {
        return server.send("GET", path, null, null, null, Map.of("Cookie", "ballast_session=" + cookie));
    }

    /** A GET with extra headers, e.g. {@code HX-Request} and {@code HX-Target} as htmx sends them. */
    public TestResponse get(String path, Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Cookie", "ballast_session=" + cookie);
        return server.send("GET", path, null, null, null, all);
    }

    /** Posts a form as the page does (htmx): with the session's CSRF token in the X-CSRF-Token header. */
    public TestResponse post(String path, Map<String, String> fields) {
        return server.send("POST", path, form(fields), "application/x-www-form-urlencoded", null,
                Map.of("Cookie", "ballast_session=" + cookie, "X-CSRF-Token", csrf, "HX-Request", "true"));
    }

    /** Posts a form with the session cookie but without the token, as a forged cross-site form would. */
    public TestResponse postWithoutToken(String path, Map<String, String> fields) {
        return server.send("POST", path, form(fields), "application/x-www-form-urlencoded", null,
                Map.of("Cookie", "ballast_session=" + cookie));
    }

    /** Posts with a token of the caller's choosing (e.g. another session's). */
    public TestResponse postWithToken(String path, Map<String, String> fields, String token) {
        return server.send("POST", path, form(fields), "application/x-www-form-urlencoded", null,
                Map.of("Cookie", "ballast_session=" + cookie, "X-CSRF-Token", token, "HX-Request", "true"));
    }

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
