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
 * only its hash is stored. People manage their own tokens; admins manage anyone's. A token may
 * be limited to the serving endpoints of one registered model (see {@link ServingScopes}); such
 * a token can never be used to manage tokens, so it cannot mint itself a wider one.
 */
@Singleton
public class ApiTokens {
    private final CredentialChanges changes;
    private static final int MAX_NAME_LENGTH = 100;
    private static final int MAX_DAYS = 3650;

    private final TokenStore tokens;
    private final UserStore users;
    private final Clock clock;

    public ApiTokens(TokenStore tokens, UserStore users, Clock clock, CredentialChanges changes) {
        this.changes = changes;
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
    }

    /** A newly issued token with its secret: the only time the secret is known to Ballast. */
    public record Issued(ApiToken token, String secret) {
    }

    /** Issues an unscoped token, with all of its owner's rights. */
    public Issued issue(Actor actor, String username, String name, Integer expiresInDays) {
        return issue(actor, username, name, expiresInDays, null);
    }

    /**
     * Issues a token; {@code servingModel}, when not null, limits it to that registered model's
     * serving endpoints. The model need not exist yet; the owner may have any role.
     */
    public Issued issue(Actor actor, String username, String name, Integer expiresInDays, String servingModel) {
        requireUnscoped(actor);
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
        String scope = servingModel == null ? null : ServingScopes.requireModelName(servingModel);
        String secret = TokenSecrets.newSecret();
        ApiToken token = tokens.create(owner.id(), name.trim(), TokenSecrets.displayPrefix(secret),
                TokenSecrets.sha256Hex(secret), now, expiresAt, scope);
        return new Issued(token, secret);
    }

    public List<ApiToken> list(Actor actor, String username) {
        requireUnscoped(actor);
        return tokens.listForUser(owner(actor, username).id());
    }

    public ApiToken revoke(Actor actor, long tokenId) {
        requireUnscoped(actor);
        ApiToken token = tokens.findById(tokenId)
                .filter(t -> t.userId() == actor.userId() || actor.has(Role.ADMIN))
                .orElseThrow(() -> BallastException.notFound("Token " + tokenId + " does not exist."));
        if (token.revokedAt() == null) {
            tokens.revoke(tokenId, clock.millis());
            changes.changed();
        }
        return tokens.findById(tokenId).orElseThrow();
    }

    /** The HTTP layer already keeps serving tokens away from this API; this holds for any other caller too. */
    private static void requireUnscoped(Actor actor) {
        if (actor.servingOnly()) {
            throw BallastException.denied("This API token may only call the serving endpoints of model '"
                    + actor.servingModel() + "'; it cannot manage tokens.");
        }
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
