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

    public Authenticator(UserStore users, TokenStore tokens, PasswordHasher hasher, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.hasher = hasher;
        this.clock = clock;
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
        Optional<ApiToken> found = tokens.findBySecretHash(TokenSecrets.sha256Hex(secret));
        if (found.isEmpty() || !found.get().activeAt(now)) {
            return Optional.empty();
        }
        ApiToken token = found.get();
        Optional<User> user = users.findById(token.userId()).filter(User::enabled);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        recordUse(token.id(), now);
        return Optional.of(new Actor(user.get().id(), user.get().username(), user.get().role(), token.id(),
                token.servingModel()));
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
