package dev.ballast.core.identity.domain;

import java.util.Objects;

/**
 * The authenticated caller of one request, handed to services explicitly so that every write
 * can record who made it (authorship, audit, four-eyes rules) without thread-local state.
 *
 * @param tokenId      the API token used, or {@code null} for password or session authentication
 * @param servingModel the registered model whose serving endpoints are all this caller may use
 *                     (a scoped API token), or {@code null} for full access with the role's rights
 */
public record Actor(long userId, String username, Role role, Long tokenId, String servingModel) {
    /** The HTTP request attribute that carries the authenticated actor. */
    public static final String REQUEST_ATTRIBUTE = "ballast.actor";

    public Actor {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
    }

    /** An unscoped caller: password, session or an API token without a serving scope. */
    public Actor(long userId, String username, Role role, Long tokenId) {
        this(userId, username, role, tokenId, null);
    }

    /** ADMIN holds every role; other roles hold only themselves. */
    public boolean has(Role required) {
        return role == Role.ADMIN || role == required;
    }

    /** True when this caller came with a token limited to one model's serving endpoints. */
    public boolean servingOnly() {
        return servingModel != null;
    }
}
