package dev.ballast.core.identity.domain;

import java.util.List;
import java.util.Optional;

/** Port for persisting users; the JDBC adapter lives in the store package. */
public interface UserStore {

    /** Inserts a user; a taken username raises RESOURCE_ALREADY_EXISTS. */
    User create(String username, String passwordHash, Role role, long now);

    Optional<User> findByUsername(String username);

    Optional<User> findById(long id);

    List<User> list();

    long count();

    void updateRole(long id, Role role, long now);

    void updatePassword(long id, String passwordHash, long now);

    void updateEnabled(long id, boolean enabled, long now);
}
