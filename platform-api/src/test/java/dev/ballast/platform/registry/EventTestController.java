package dev.ballast.platform.registry;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import dev.ballast.core.identity.domain.Actor;
import dev.ballast.registry.app.event.EventPublisher;
import dev.ballast.registry.domain.event.RegistryEvent;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.util.Map;

/**
 * Test-only routes that publish registry events the way registry services will: inside a
 * transaction, once committing and once rolling back, so webhook delivery can be tested before
 * (and independently of) the services that emit real events.
 */
@Controller("/api/test/events")
@Requires(property = "ballast.test.events-controller", value = "true")
@ExecuteOn(TaskExecutors.BLOCKING)
class EventTestController {
    private final Mutations mutations;

    EventTestController(Mutations mutations) {
        this.mutations = mutations;
    }

    @Serdeable
    record TestEvent(String type, @Nullable Map<String, Object> data) {
    }

    @Post
    Map<String, Object> publish(Actor actor, @Body TestEvent event) {
        mutations.commit(new RegistryEvent(event.type(), event.data()), actor.username());
        return Map.of();
    }

    @Post("/rolled-back")
    Map<String, Object> publishThenFail(Actor actor, @Body TestEvent event) {
        mutations.rollBack(new RegistryEvent(event.type(), event.data()), actor.username());
        return Map.of();
    }

    /** A stand-in for a registry service: a transactional method that publishes its event. */
    @Singleton
    @Requires(property = "ballast.test.events-controller", value = "true")
    static class Mutations {
        private final EventPublisher events;

        Mutations(EventPublisher events) {
            this.events = events;
        }

        @Transactional
        public void commit(RegistryEvent event, String actor) {
            events.publish(event, actor);
        }

        @Transactional
        public void rollBack(RegistryEvent event, String actor) {
            events.publish(event, actor);
            throw new BallastException(ErrorCode.INVALID_STATE, "the change failed after its event was published");
        }
    }
}
