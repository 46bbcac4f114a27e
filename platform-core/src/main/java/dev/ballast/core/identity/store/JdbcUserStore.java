package dev.ballast.core.identity.store;

import dev.ballast.core.identity.domain.Role;
import dev.ballast.core.identity.domain.User;
import dev.ballast.core.identity.domain.UserStore;
import dev.ballast.core.jdbc.Jdbc;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** {@link UserStore} on the {@code users} table. */
@Singleton
public class JdbcUserStore implements UserStore {
    private static final String COLUMNS = "id, username, password_hash, role, enabled, created_at, updated_at";

    private final Jdbc jdbc;

    public JdbcUserStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public User create(String username, String passwordHash, Role role, long now) {
        long id = jdbc.insert("INSERT INTO users (username, password_hash, role, enabled, created_at, updated_at) "
                + "VALUES (?, ?, ?, TRUE, ?, ?)", username, passwordHash, role, now, now);
        return new User(id, username, passwordHash, role, true, now, now);
    }

    @Override
    public Optional<User> findByUsername(String username) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM users WHERE username = ?", JdbcUserStore::map, username);
    }

    @Override
    public Optional<User> findById(long id) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM users WHERE id = ?", JdbcUserStore::map, id);
    }

    @Override
    public List<User> list() {
        return jdbc.query("SELECT " + COLUMNS + " FROM users ORDER BY username", JdbcUserStore::map);
    }

    @Override
    public long count() {
        return jdbc.queryLong("SELECT COUNT(*) FROM users");
    }

    @Override
    public void updateRole(long id, Role role, long now) {
        jdbc.update("UPDATE users SET role = ?, updated_at = ? WHERE id = ?", role, now, id);
    }

    @Override
    public void updatePassword(long id, String passwordHash, long now) {
        jdbc.update("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?", passwordHash, now, id);
    }

    @Override
    public void updateEnabled(long id, boolean enabled, long now) {
        jdbc.update("UPDATE users SET enabled = ?, updated_at = ? WHERE id = ?", enabled, now, id);
    }

    private static User map(ResultSet rs) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
                Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"),
                rs.getLong("created_at"), rs.getLong("updated_at"));
    }
}
