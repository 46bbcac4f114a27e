package dev.ballast.platform.security;

import dev.ballast.core.error.ErrorCode;
import dev.ballast.core.identity.app.WebSessions;
import dev.ballast.platform.http.ApiErrors;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Refuses any state-changing request to the web UI that does not carry the session's CSRF token
 * in the {@code X-CSRF-Token} header. Every form of the UI posts through htmx, which adds the
 * header from the page ({@code <body data-csrf>}); a cross-site page can neither read the token
 * nor set the header on a form post. The session cookie is SameSite=Lax as well. The token is
 * read from the header only, never from the body: reading the body in a filter would hold every
 * request until it arrived. Runs after {@link AuthenticationFilter}, which puts the session's
 * token on the request.
 */
@ServerFilter("/ui/**")
public class CsrfFilter implements Ordered {
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);
    private static final String SIGN_IN = "/ui/login";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 200;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request) {
        if (SAFE.contains(request.getMethod()) || request.getPath().equals(SIGN_IN)) {
            return null;
        }
        String expected = request.getAttribute(WebSessions.CSRF_ATTRIBUTE, String.class).orElse(null);
        String sent = request.getHeaders().get(WebSessions.CSRF_HEADER);
        if (expected == null || sent == null
                || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
            return ApiErrors.response(ErrorCode.PERMISSION_DENIED,
                    "The request's security token is missing or out of date. Reload the page and try again.");
        }
        return null;
    }
}
