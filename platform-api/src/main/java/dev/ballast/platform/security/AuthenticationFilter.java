package dev.ballast.platform.security;

import dev.ballast.core.error.ErrorCode;
import dev.ballast.core.identity.RequiresRole;
import dev.ballast.core.identity.app.Authenticator;
import dev.ballast.core.identity.app.WebSessions;
import dev.ballast.core.identity.domain.Actor;
import dev.ballast.core.identity.domain.Role;
import dev.ballast.platform.http.ApiErrors;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Authenticates every request that is not open, with HTTP Basic (what MLflow clients send for
 * {@code MLFLOW_TRACKING_USERNAME/PASSWORD}) or a Bearer API token ({@code MLFLOW_TRACKING_TOKEN}),
 * then enforces the route's {@link RequiresRole}. A token limited to one model's serving
 * endpoints is held to them first ({@link ServingPaths}), whatever its owner's role. It runs on
 * the blocking executor because a password check is deliberately slow and must never stall the
 * event loop. The web UI's pages ({@code /ui}) authenticate with the session cookie of
 * {@link WebSessions} instead; a browser without one is sent to the sign-in page.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class AuthenticationFilter implements Ordered {
    public static final String ACTOR_ATTRIBUTE = Actor.REQUEST_ATTRIBUTE;
    static final String CHALLENGE = "Basic realm=\"Ballast\", Bearer realm=\"Ballast\"";

    private final Authenticator authenticator;
    private final WebSessions sessions;
    private final AccessPolicy policy;

    public AuthenticationFilter(Authenticator authenticator, WebSessions sessions, AccessPolicy policy) {
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.policy = policy;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        if (policy.isOpen(request.getPath())) {
            return null;
        }
        if (AccessPolicy.isUi(request.getPath())) {
            return authenticateSession(request);
        }
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return unauthenticated("Authentication required: send HTTP Basic credentials or an API token as 'Authorization: Bearer <token>'.");
        }
        Optional<Actor> actor = resolve(header.trim());
        if (actor.isEmpty()) {
            return unauthenticated("Invalid credentials.");
        }
        if (actor.get().servingOnly() && !ServingPaths.permits(request.getUri().getRawPath(), actor.get().servingModel())) {
            return ApiErrors.response(ErrorCode.PERMISSION_DENIED, "This API token may only call the serving endpoints of model '"
                    + actor.get().servingModel() + "'.");
        }
        return authorize(request, actor.get());
    }

    private HttpResponse<?> authenticateSession(HttpRequest<?> request) {
        Optional<WebSessions.SignedIn> signedIn = request.getCookies().findCookie(WebSessions.COOKIE)
                .flatMap(cookie -> sessions.resolve(cookie.getValue()));
        if (signedIn.isEmpty()) {
            return SignInRequired.response(request);
        }
        request.setAttribute(WebSessions.CSRF_ATTRIBUTE, signedIn.get().csrfToken());
        return authorize(request, signedIn.get().actor());
    }

    private static HttpResponse<?> authorize(HttpRequest<?> request, Actor actor) {
        request.setAttribute(ACTOR_ATTRIBUTE, actor);
        Optional<Role[]> allowed = RouteAttributes.getRouteMatch(request)
                .flatMap(AuthenticationFilter::requiredRoles);
        if (allowed.isPresent() && Arrays.stream(allowed.get()).noneMatch(actor::has)) {
            return ApiErrors.response(ErrorCode.PERMISSION_DENIED, "User '" + actor.username()
                    + "' with role " + actor.role() + " may not do this; it needs one of " + Arrays.toString(allowed.get()) + ".");
        }
        return null;
    }

    private Optional<Actor> resolve(String header) {
        int space = header.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String scheme = header.substring(0, space);
        String value = header.substring(space + 1).trim();
        if (scheme.equalsIgnoreCase("Bearer")) {
            return authenticator.withToken(value);
        }
        if (scheme.equalsIgnoreCase("Basic")) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            return authenticator.withPassword(decoded.substring(0, colon), decoded.substring(colon + 1));
        }
        return Optional.empty();
    }

    private static Optional<Role[]> requiredRoles(RouteMatch<?> match) {
        Role[] roles = match.getAnnotationMetadata().enumValues(RequiresRole.class, Role.class);
        return roles.length == 0 ? Optional.empty() : Optional.of(roles);
    }

    private static HttpResponse<?> unauthenticated(String message) {
        return ApiErrors.response(ErrorCode.UNAUTHENTICATED, message).header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
    }
}
