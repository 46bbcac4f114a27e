package dev.ballast.platform.api;

import dev.ballast.core.identity.RequiresRole;
import dev.ballast.core.identity.app.UserAdministration;
import dev.ballast.core.identity.domain.Actor;
import dev.ballast.core.identity.domain.Role;
import dev.ballast.core.identity.domain.User;
import dev.ballast.platform.api.IdentityViews.CreateUserRequest;
import dev.ballast.platform.api.IdentityViews.SetPasswordRequest;
import dev.ballast.platform.api.IdentityViews.UpdateUserRequest;
import dev.ballast.platform.api.IdentityViews.UserResponse;
import dev.ballast.platform.api.IdentityViews.UserView;
import dev.ballast.platform.api.IdentityViews.UsersResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Map;

/** Users: admins create them and set roles and status; everyone reads themselves and sets their password. */
@Controller("/api/v1/users")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Users and tokens")
public class UsersController {
    private final UserAdministration users;

    public UsersController(UserAdministration users) {
        this.users = users;
    }

    @Get("/me")
    public UserResponse me(@Parameter(hidden = true) Actor actor) {
        return respond(users.get(actor, actor.username()));
    }

    @Post
    @RequiresRole(Role.ADMIN)
    public UserResponse create(@Parameter(hidden = true) Actor actor, @Body CreateUserRequest request) {
        return respond(users.create(actor, request.username(), request.password(), Role.parse(request.role())));
    }

    @Get
    @RequiresRole(Role.ADMIN)
    public UsersResponse list(@Parameter(hidden = true) Actor actor) {
        return new UsersResponse(users.list(actor).stream().map(UserView::of).toList());
    }

    @Get("/{username}")
    public UserResponse get(@Parameter(hidden = true) Actor actor, @PathVariable String username) {
        return respond(users.get(actor, username));
    }

    @Patch("/{username}")
    @RequiresRole(Role.ADMIN)
    public UserResponse update(@Parameter(hidden = true) Actor actor, @PathVariable String username, @Body UpdateUserRequest request) {
        User user = users.get(actor, username);
        if (request.role() != null) {
            user = users.setRole(actor, username, Role.parse(request.role()));
        }
        if (request.enabled() != null) {
            user = users.setEnabled(actor, username, request.enabled());
        }
        return respond(user);
    }

    @Put("/{username}/password")
    public Map<String, Object> setPassword(@Parameter(hidden = true) Actor actor, @PathVariable String username, @Body SetPasswordRequest request) {
        users.setPassword(actor, username, request.password());
        return Map.of();
    }

    private static UserResponse respond(User user) {
        return new UserResponse(UserView.of(user));
    }
}
