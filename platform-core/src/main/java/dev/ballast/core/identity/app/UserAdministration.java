package dev.ballast.core.identity.app;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import dev.ballast.core.identity.domain.Actor;
import dev.ballast.core.identity.domain.Role;
import dev.ballast.core.identity.domain.User;
import dev.ballast.core.identity.domain.UserStore;
import dev.ballast.core.identity.domain.WebSessionStore;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;

/**
 * Creates users and changes their role, password and status. Only admins manage other users;
 * anyone may change their own password. The last enabled admin can be neither demoted nor
 * disabled, so an installation can never lock itself out.
 */
@Singleton
public class UserAdministration {
    private final CredentialChanges changes;
    private final WebSessionStore sessions;
    private final UserStore users;
    private final PasswordHasher hasher;
    private final Clock clock;

    public UserAdministration(UserStore users, PasswordHasher hasher, Clock clock, CredentialChanges changes,
                              WebSessionStore sessions) {
        this.changes = changes;
        this.sessions = sessions;
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    @Transactional
    public User create(Actor actor, String username, String password, Role role) {
        requireAdmin(actor);
        return createUnchecked(username, password, role);
    }

    /** Creates a user without an acting admin: only for bootstrapping an empty installation. */
    @Transactional
    public User createUnchecked(String username, String password, Role role) {
        PasswordPolicy.checkUsername(username);
        PasswordPolicy.checkPassword(username, password);
        if (users.findByUsername(username).isPresent()) {
            throw BallastException.alreadyExists("User '" + username + "' already exists.");
        }
        return users.create(username, hasher.hash(password), role, clock.millis()).withoutSecret();
    }

    public List<User> list(Actor actor) {
        requireAdmin(actor);
        return users.list().stream().map(User::withoutSecret).toList();
    }

    public User get(Actor actor, String username) {
        if (!actor.username().equals(username)) {
            requireAdmin(actor);
        }
        return find(username).withoutSecret();
    }

    @Transactional
    public User setRole(Actor actor, String username, Role role) {
        requireAdmin(actor);
        User user = find(username);
        if (user.role() == Role.ADMIN && role != Role.ADMIN) {
            requireAnotherEnabledAdmin(user);
        }
        users.updateRole(user.id(), role, clock.millis());
        changes.changed();
        return find(username).withoutSecret();
    }

    @Transactional
    public User setEnabled(Actor actor, String username, boolean enabled) {
        requireAdmin(actor);
        User user = find(username);
        if (!enabled && user.role() == Role.ADMIN) {
            requireAnotherEnabledAdmin(user);
        }
        users.updateEnabled(user.id(), enabled, clock.millis());
        if (!enabled) {
            sessions.deleteForUser(user.id());
        }
        changes.changed();
        return find(username).withoutSecret();
    }

    @Transactional
    public void setPassword(Actor actor, String username, String password) {
        if (!actor.username().equals(username)) {
            requireAdmin(actor);
        }
        User user = find(username);
        PasswordPolicy.checkPassword(username, password);
        users.updatePassword(user.id(), hasher.hash(password), clock.millis());
        sessions.deleteForUser(user.id());
        changes.changed();
    }

    public boolean isEmpty() {
        return users.count() == 0;
    }

    private User find(String username) {
        return users.findByUsername(username)
                .orElseThrow(() -> BallastException.notFound("User '" + username + "' does not exist."));
    }

    private void requireAnotherEnabledAdmin(User user) {
        boolean another = users.list().stream()
                .anyMatch(u -> u.id() != user.id() && u.enabled() && u.role() == Role.ADMIN);
        if (!another) {
            throw new BallastException(ErrorCode.INVALID_STATE,
                    "User '" + user.username() + "' is the last enabled admin; make another admin first.");
        }
    }

    static void requireAdmin(Actor actor) {
        if (!actor.has(Role.ADMIN)) {
            throw BallastException.denied("User '" + actor.username() + "' is not an admin.");
        }
    }
}
