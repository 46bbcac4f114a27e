package dev.ballast.platform.security;

import dev.ballast.core.error.ErrorCode;
import dev.ballast.platform.http.ApiErrors;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * What a browser without a valid session gets on a web UI page: a page load is sent to the
 * sign-in form (which brings it back afterwards), an htmx request is told to load the sign-in
 * page ({@code HX-Redirect}), and any other request gets a plain 401.
 */
final class SignInRequired {
    private static final String SIGN_IN = "/ui/login";

    private SignInRequired() {
    }

    static HttpResponse<?> response(HttpRequest<?> request) {
        if (request.getHeaders().contains("HX-Request")) {
            return ApiErrors.response(ErrorCode.UNAUTHENTICATED, "Your session has ended; sign in again.")
                    .header("HX-Redirect", SIGN_IN);
        }
        if (request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD) {
            String back = request.getUri().getRawPath() + (request.getUri().getRawQuery() == null ? "" : "?" + request.getUri().getRawQuery());
            return HttpResponse.seeOther(URI.create(SIGN_IN + "?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8)));
        }
        return ApiErrors.response(ErrorCode.UNAUTHENTICATED, "Sign in first.");
    }
}
