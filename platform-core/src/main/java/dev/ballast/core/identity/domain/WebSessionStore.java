package dev.ballast.core.identity.domain;

import java.util.Optional;

/** Port for the web UI's sessions, keyed by the hash of the cookie secret. */
public interface WebSessionStore {

    void create(String secretHash, long userId, String csrfToken, long now, long expiresAt);

    /** The session with its user's current name, role and status. */
    Optional<WebSession> find(String secretHash);

    void touch(String secretHash, long now);

    void delete(String secretHash);

    /** Ends every session of a user (password changed, account disabled). */
    int deleteForUser(long userId);

    /** Removes sessions that lapsed before {@code now}. */
    int deleteExpired(long now);
}
