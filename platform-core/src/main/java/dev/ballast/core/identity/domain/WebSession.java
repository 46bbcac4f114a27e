package dev.ballast.core.identity.domain;

/**
 * A signed-in browser as stored: whose it is, its CSRF token and when it lapses. The user's
 * current name, role and status come with it, read in the same query, so a demoted or disabled
 * user loses the old rights on the next page.
 *
 * @param expiresAt absolute end of the session, epoch milliseconds
 */
public record WebSession(String secretHash, long userId, String username, Role role, boolean enabled,
                         String csrfToken, long createdAt, long lastSeenAt, long expiresAt) {
}
