package dev.ballast.core.identity.domain;

/**
 * A person or service account known to Ballast. The password hash never leaves the identity
 * package: API views are built from {@link #withoutSecret()}.
 */
public record User(long id, String username, String passwordHash, Role role, boolean enabled,
                   long createdAt, long updatedAt) {

    public User withoutSecret() {
        return new User(id, username, null, role, enabled, createdAt, updatedAt);
    }
}
