package dev.ballast.core.identity.domain;

/**
 * A personal API token as stored: only the SHA-256 of the secret is kept, with a short
 * non-secret prefix so people can tell their tokens apart in a list.
 *
 * @param servingModel the registered model this token is limited to serving, or {@code null}
 *                     for a token with all of its owner's rights
 */
public record ApiToken(long id, long userId, String username, String name, String prefix,
                       long createdAt, Long expiresAt, Long revokedAt, Long lastUsedAt, String servingModel) {

    /** An unscoped token. */
    public ApiToken(long id, long userId, String username, String name, String prefix,
                    long createdAt, Long expiresAt, Long revokedAt, Long lastUsedAt) {
        this(id, userId, username, name, prefix, createdAt, expiresAt, revokedAt, lastUsedAt, null);
    }

    public boolean activeAt(long now) {
        return revokedAt == null && (expiresAt == null || expiresAt > now);
    }
}
