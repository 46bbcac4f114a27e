package dev.ballast.core.identity.domain;

import java.util.List;
import java.util.Optional;

/** Port for persisting API tokens by the hash of their secret. */
public interface TokenStore {

    /** Stores a token; {@code servingModel} limits it to one model's serving endpoints, null for none. */
    ApiToken create(long userId, String name, String prefix, String secretHash, long now, Long expiresAt,
                    String servingModel);

    /** Stores an unscoped token. */
    default ApiToken create(long userId, String name, String prefix, String secretHash, long now, Long expiresAt) {
        return create(userId, name, prefix, secretHash, now, expiresAt, null);
    }

    /** The token whose secret hashes to {@code secretHash}, revoked or not. */
    Optional<ApiToken> findBySecretHash(String secretHash);

    Optional<ApiToken> findById(long id);

    List<ApiToken> listForUser(long userId);

    /** Marks the token revoked; answers false when it was unknown or already revoked. */
    boolean revoke(long id, long now);

    void touch(long id, long now);
}
