package dev.ballast.core.identity.app;

import dev.ballast.core.identity.domain.Actor;
import dev.ballast.core.identity.domain.ApiToken;
import dev.ballast.core.identity.domain.TokenStore;
import dev.ballast.core.identity.domain.User;
import dev.ballast.core.identity.domain.UserStore;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns credentials into an {@link Actor}: a user name and password (HTTP Basic, sign-in form)
 * or an API token.
 *
 * <p>MLflow clients send Basic credentials on every request, and a bcrypt check costs tens of
 * milliseconds, so a successful check is remembered for a while. The memory is keyed by a salted
 * hash of the credentials (never the password) and tied to the stored password hash: the user
 * row is read on every request, so a changed password, role or disabled account takes effect at
 * once on every replica.
 */
@Singleton
public class Authenticator {
    private static final Duration REMEMBER_FOR = Duration.ofMinutes(10);
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final int MAX_REMEMBERED = 10_000;

    private final UserStore users;
    private final TokenStore tokens;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final String salt = TokenSecrets.newSecret();
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final Map<Long, Long> lastTouched = new ConcurrentHashMap<>();
    private final Map<String, CachedToken> tokenCache = new ConcurrentHashMap<>();
    private final CredentialChanges changes;
    private final long tokenCacheMillis;

    public Authenticator(UserStore users, TokenStore tokens, PasswordHasher hasher, Clock clock) {
        this(users, tokens, hasher, clock, new CredentialChanges(), Duration.ZERO);
    }

    /**
     * @param tokenCache how long a token's authentication is reused without reading the database
     *                   ({@code ballast.security.token-cache}, default 1s; 0 reads it on every
     *                   request). Serving clients send a token with every prediction, and two
     *                   queries per request were most of the cost of a prediction. A change made
     *                   on this replica ({@link CredentialChanges}) drops the cache at once; other
     *                   replicas see a revoked token or disabled user within this time.
     */
    @jakarta.inject.Inject
    public Authenticator(UserStore users, TokenStore tokens, PasswordHasher hasher, Clock clock, CredentialChanges changes,
                         @io.micronaut.context.annotation.Value("${ballast.security.token-cache:1s}") Duration tokenCache) {
        this.users = users;
        this.tokens = tokens;
        this.hasher = hasher;
        this.clock = clock;
        this.changes = changes;
        this.tokenCacheMillis = tokenCache.toMillis();
    }

    private record CachedToken(Actor actor, Long tokenExpiresAt, long until, long generation) {
    }

    private record Verified(String passwordHash, long until) {
    }

    public Optional<Actor> withPassword(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        Optional<User> found = users.findByUsername(username);
        if (found.isEmpty()) {
            hasher.burnOneVerification(password);
            return Optional.empty();
        }
        User user = found.get();
        long now = clock.millis();
        String key = TokenSecrets.sha256Hex(salt + '\0' + username + '\0' + password);
        Verified memo = verified.get(key);
        boolean ok = memo != null && memo.until > now && memo.passwordHash.equals(user.passwordHash());
        if (!ok) {
            ok = hasher.matches(password, user.passwordHash());
            if (ok) {
                if (verified.size() >= MAX_REMEMBERED) {
                    verified.clear();
                }
                verified.put(key, new Verified(user.passwordHash(), now + REMEMBER_FOR.toMillis()));
            }
        }
        if (!ok || !user.enabled()) {
            return Optional.empty();
        }
        return Optional.of(new Actor(user.id(), user.username(), user.role(), null));
    }

    public Optional<Actor> withToken(String secret) {
        if (secret == null || !secret.startsWith(TokenSecrets.PREFIX)) {
            return Optional.empty();
        }
        long now = clock.millis();
        String hash = TokenSecrets.sha256Hex(secret);
        CachedToken cached = tokenCache.get(hash);
        if (cached != null && cached.until() > now && cached.generation() == changes.current()
                && (cached.tokenExpiresAt() == null || cached.tokenExpiresAt() > now)) {
            return Optional.of(cached.actor());
        }
        long generation = changes.current();
        Optional<ApiToken> found = tokens.findBySecretHash(hash);
        if (found.isEmpty() || !found.get().activeAt(now)) {
            return Optional.empty();
        }
        ApiToken token = found.get();
        Optional<User> user = users.findById(token.userId()).filter(User::enabled);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        recordUse(token.id(), now);
        Actor actor = new Actor(user.get().id(), user.get().username(), user.get().role(), token.id(), token.servingModel());
        if (tokenCacheMillis > 0) {
            if (tokenCache.size() >= MAX_REMEMBERED) {
                tokenCache.clear();
            }
            tokenCache.put(hash, new CachedToken(actor, token.expiresAt(), now + tokenCacheMillis, generation));
        }
        return Optional.of(actor);
    }

    /** Keeps "last used" useful without a write on every request. */
    private void recordUse(long tokenId, long now) {
        Long previous = lastTouched.get(tokenId);
        if (previous == null || now - previous >= TOUCH_EVERY.toMillis()) {
            lastTouched.put(tokenId, now);
            tokens.touch(tokenId, now);
        }
    }
}
