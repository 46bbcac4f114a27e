package dev.ballast.platform.security;

import dev.ballast.core.identity.domain.Actor;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Lets controllers take the authenticated {@link Actor} as a plain method argument, so services
 * receive the caller explicitly instead of reaching into the request.
 */
@Singleton
public class ActorArgumentBinder implements TypedRequestArgumentBinder<Actor> {

    @Override
    public Argument<Actor> argumentType() {
        return Argument.of(Actor.class);
    }

    @Override
    public BindingResult<Actor> bind(ArgumentConversionContext<Actor> context, HttpRequest<?> source) {
        Optional<Actor> actor = source.getAttribute(AuthenticationFilter.ACTOR_ATTRIBUTE, Actor.class);
        return () -> actor;
    }
}
