package dev.ballast.registry.app.event;

import dev.ballast.registry.domain.event.RegistryEvent;
import jakarta.inject.Singleton;

/** TEMPORARY STUB (replaced by helper/events). */
@Singleton
public class EventPublisher {
    public void publish(RegistryEvent event, String actor) {
    }
}
