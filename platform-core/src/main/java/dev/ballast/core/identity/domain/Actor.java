package dev.ballast.core.identity.domain;

import java.util.Objects;

/**
 * The authenticated caller of one request, handed to services explicitly so that every write
 * can record who made it (authorship, audit, four-eyes rules) without thread-local state.
 *
 * @param tokenId the API token used, or {@code null} for password or session authentication
 */
public record Actor(long userId, String username, Role role, Long tokenId) {

    public Actor {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
    }

    /** ADMIN holds every role; other roles hold only themselves. */
    public boolean has(Role required) {
        return role == Role.ADMIN || role == required;
    }
}
