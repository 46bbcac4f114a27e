package dev.ballast.core.identity.store;

import dev.ballast.core.identity.domain.Role;
import dev.ballast.core.identity.domain.WebSession;
import dev.ballast.core.identity.domain.WebSessionStore;
import dev.ballast.core.jdbc.Jdbc;
import jakarta.inject.Singleton;

import java.util.Optional;

/** {@link WebSessionStore} on the {@code web_sessions} table. */
@Singleton
public class JdbcWebSessionStore implements WebSessionStore {
    private final Jdbc jdbc;

    public JdbcWebSessionStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void create(String secretHash, long userId, String csrfToken, long now, long expiresAt) {
        jdbc.update("INSERT INTO web_sessions (secret_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", secretHash, userId, csrfToken, now, now, expiresAt);
    }

    @Override
    public Optional<WebSession> find(String secretHash) {
        return jdbc.queryOne("SELECT s.secret_hash, s.user_id, u.username, u.role, u.enabled, s.csrf_token, s.created_at, "
                + "s.last_seen_at, s.expires_at FROM web_sessions s JOIN users u ON u.id = s.user_id WHERE s.secret_hash = ?",
                rs -> new WebSession(rs.getString(1), rs.getLong(2), rs.getString(3), Role.valueOf(rs.getString(4)),
                        rs.getBoolean(5), rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)), secretHash);
    }

    @Override
    public void touch(String secretHash, long now) {
        jdbc.update("UPDATE web_sessions SET last_seen_at = ? WHERE secret_hash = ?", now, secretHash);
    }

    @Override
    public void delete(String secretHash) {
        jdbc.update("DELETE FROM web_sessions WHERE secret_hash = ?", secretHash);
    }

    @Override
    public int deleteForUser(long userId) {
        return jdbc.update("DELETE FROM web_sessions WHERE user_id = ?", userId);
    }

    @Override
    public int deleteExpired(long now) {
        return jdbc.update("DELETE FROM web_sessions WHERE expires_at < ?", now);
    }
}
