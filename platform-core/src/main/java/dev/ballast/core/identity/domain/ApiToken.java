package dev.ballast.core.identity.domain;

/**
 * A personal API token as stored: only the SHA-256 of the secret is kept, with a short
 * non-secret prefix so people can tell their tokens apart in a list.
 */
public record ApiToken(long id, long userId, String username, String name, String prefix,
                       long createdAt, Long expiresAt, Long revokedAt, Long lastUsedAt) {

    public boolean activeAt(long now) {
        return revokedAt == null && (expiresAt == null || expiresAt > now);
    }
}
