package dev.ballast.core.identity.store;

import dev.ballast.core.identity.domain.ApiToken;
import dev.ballast.core.identity.domain.TokenStore;
import dev.ballast.core.jdbc.Jdbc;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** {@link TokenStore} on the {@code api_tokens} table. */
@Singleton
public class JdbcTokenStore implements TokenStore {
    private static final String SELECT = "SELECT t.id, t.user_id, u.username, t.name, t.token_prefix, t.created_at, "
            + "t.expires_at, t.revoked_at, t.last_used_at, t.serving_model FROM api_tokens t JOIN users u ON u.id = t.user_id ";

    private final Jdbc jdbc;

    public JdbcTokenStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ApiToken create(long userId, String name, String prefix, String secretHash, long now, Long expiresAt,
                           String servingModel) {
        long id = jdbc.insert("INSERT INTO api_tokens (user_id, name, token_prefix, secret_hash, created_at, expires_at, serving_model) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", userId, name, prefix, secretHash, now, expiresAt, servingModel);
        return findById(id).orElseThrow();
    }

    @Override
    public Optional<ApiToken> findBySecretHash(String secretHash) {
        return jdbc.queryOne(SELECT + "WHERE t.secret_hash = ?", JdbcTokenStore::map, secretHash);
    }

    @Override
    public Optional<ApiToken> findById(long id) {
        return jdbc.queryOne(SELECT + "WHERE t.id = ?", JdbcTokenStore::map, id);
    }

    @Override
    public List<ApiToken> listForUser(long userId) {
        return jdbc.query(SELECT + "WHERE t.user_id = ? ORDER BY t.id", JdbcTokenStore::map, userId);
    }

    @Override
    public boolean revoke(long id, long now) {
        return jdbc.update("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", now, id) == 1;
    }

    @Override
    public void touch(long id, long now) {
        jdbc.update("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", now, id);
    }

    private static ApiToken map(ResultSet rs) throws SQLException {
        return new ApiToken(rs.getLong("id"), rs.getLong("user_id"), rs.getString("username"), rs.getString("name"),
                rs.getString("token_prefix"), rs.getLong("created_at"), Jdbc.nullableLong(rs, "expires_at"),
                Jdbc.nullableLong(rs, "revoked_at"), Jdbc.nullableLong(rs, "last_used_at"),
                rs.getString("serving_model"));
    }
}
