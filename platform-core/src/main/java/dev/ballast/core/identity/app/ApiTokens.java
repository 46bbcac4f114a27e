package dev.ballast.core.identity.app;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.identity.domain.Actor;
import dev.ballast.core.identity.domain.ApiToken;
import dev.ballast.core.identity.domain.Role;
import dev.ballast.core.identity.domain.TokenStore;
import dev.ballast.core.identity.domain.User;
import dev.ballast.core.identity.domain.UserStore;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Issues, lists and revokes personal API tokens. The secret is returned once, at issue, and
 * only its hash is stored. People manage their own tokens; admins manage anyone's.
 */
@Singleton
public class ApiTokens {
    private static final int MAX_NAME_LENGTH = 100;
    private static final int MAX_DAYS = 3650;

    private final TokenStore tokens;
    private final UserStore users;
    private final Clock clock;

    public ApiTokens(TokenStore tokens, UserStore users, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
    }

    /** A newly issued token with its secret: the only time the secret is known to Ballast. */
    public record Issued(ApiToken token, String secret) {
    }

    public Issued issue(Actor actor, String username, String name, Integer expiresInDays) {
        User owner = owner(actor, username);
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw BallastException.invalid("Invalid value for parameter 'name': give the token a name of 1-" + MAX_NAME_LENGTH + " characters.");
        }
        Long expiresAt = null;
        long now = clock.millis();
        if (expiresInDays != null) {
            if (expiresInDays < 1 || expiresInDays > MAX_DAYS) {
                throw BallastException.invalid("Invalid value for parameter 'expires_in_days': use 1-" + MAX_DAYS + ".");
            }
            expiresAt = now + Duration.ofDays(expiresInDays).toMillis();
        }
        String secret = TokenSecrets.newSecret();
        ApiToken token = tokens.create(owner.id(), name.trim(), TokenSecrets.displayPrefix(secret),
                TokenSecrets.sha256Hex(secret), now, expiresAt);
        return new Issued(token, secret);
    }

    public List<ApiToken> list(Actor actor, String username) {
        return tokens.listForUser(owner(actor, username).id());
    }

    public ApiToken revoke(Actor actor, long tokenId) {
        ApiToken token = tokens.findById(tokenId)
                .filter(t -> t.userId() == actor.userId() || actor.has(Role.ADMIN))
                .orElseThrow(() -> BallastException.notFound("Token " + tokenId + " does not exist."));
        if (token.revokedAt() == null) {
            tokens.revoke(tokenId, clock.millis());
        }
        return tokens.findById(tokenId).orElseThrow();
    }

    private User owner(Actor actor, String username) {
        String target = username == null ? actor.username() : username;
        if (!target.equals(actor.username())) {
            UserAdministration.requireAdmin(actor);
        }
        return users.findByUsername(target)
                .orElseThrow(() -> BallastException.notFound("User '" + target + "' does not exist."));
    }
}
