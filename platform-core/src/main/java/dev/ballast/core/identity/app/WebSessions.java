package dev.ballast.core.identity.app;

import dev.ballast.core.identity.domain.Actor;
import dev.ballast.core.identity.domain.WebSession;
import dev.ballast.core.identity.domain.WebSessionStore;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Sign-in sessions of the web UI. Browsers cannot be asked for Basic credentials on every page
 * without the browser's own dialog, so a sign-in opens a session kept in the database: every
 * replica behind a load balancer knows it, a restart keeps it, and signing out, changing the
 * password or disabling the account ends it everywhere at once. The cookie holds a 256-bit secret;
 * the table holds only its hash. Each session has its own CSRF token, which every state-changing
 * request must send back in a header.
 */
@Singleton
public class WebSessions {
    /** Name of the session cookie (HttpOnly, SameSite=Lax, path /ui). */
    public static final String COOKIE = "ballast_session";
    /** Request attribute holding the signed-in session's CSRF token, for templates and the CSRF check. */
    public static final String CSRF_ATTRIBUTE = "ballast.csrf";
    /** Header carrying the CSRF token (htmx requests). */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final Authenticator authenticator;
    private final WebSessionStore sessions;
    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration maxAge;

    public WebSessions(Authenticator authenticator, WebSessionStore sessions, Clock clock,
                       @Value("${ballast.ui.session-idle-timeout:12h}") Duration idleTimeout,
                       @Value("${ballast.ui.session-max-age:7d}") Duration maxAge) {
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.maxAge = maxAge;
    }

    /** A session just opened: the cookie secret (shown once) and how long the cookie may live. */
    public record Opened(String secret, Actor actor, Duration maxAge) {
    }

    /** A request's signed-in user and the CSRF token its forms must carry. */
    public record SignedIn(Actor actor, String csrfToken) {
    }

    /** Opens a session when the credentials are right and the account enabled. */
    public Optional<Opened> signIn(String username, String password) {
        Optional<Actor> actor = authenticator.withPassword(username, password);
        if (actor.isEmpty()) {
            return Optional.empty();
        }
        long now = clock.millis();
        sessions.deleteExpired(now);
        String secret = TokenSecrets.newSecret();
        sessions.create(TokenSecrets.sha256Hex(secret), actor.get().userId(), TokenSecrets.newSecret().substring(TokenSecrets.PREFIX.length()),
                now, now + maxAge.toMillis());
        return Optional.of(new Opened(secret, actor.get(), maxAge));
    }

    /** The session's user as of now, or empty when the secret is unknown, lapsed or the user disabled. */
    public Optional<SignedIn> resolve(String secret) {
        if (secret == null || !secret.startsWith(TokenSecrets.PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        String hash = TokenSecrets.sha256Hex(secret);
        Optional<WebSession> found = sessions.find(hash);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        WebSession session = found.get();
        long now = clock.millis();
        if (!session.enabled() || session.expiresAt() <= now || session.lastSeenAt() + idleTimeout.toMillis() <= now) {
            sessions.delete(hash);
            return Optional.empty();
        }
        if (now - session.lastSeenAt() >= TOUCH_EVERY.toMillis()) {
            sessions.touch(hash, now);
        }
        return Optional.of(new SignedIn(new Actor(session.userId(), session.username(), session.role(), null), session.csrfToken()));
    }

    public void signOut(String secret) {
        if (secret != null) {
            sessions.delete(TokenSecrets.sha256Hex(secret));
        }
    }
}
