package dev.ballast.registry.app.event;

import dev.ballast.registry.domain.event.EventStore;
import dev.ballast.registry.domain.event.NewEvent;
import dev.ballast.registry.domain.event.RegistryEvent;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.MDC;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The one way registry services announce a change. It writes the event and its pending
 * deliveries into the outbox in the caller's transaction, so the event exists if and only if
 * the change committed (no event for a rolled-back change, no change without its event), and
 * nudges the dispatcher once that transaction has committed.
 */
@Singleton
public class EventPublisher {
    private final EventStore store;
    private final Webhooks webhooks;
    private final EnvelopeWriter envelopes;
    private final AfterCommit afterCommit;
    private final DeliveryDispatcher dispatcher;
    private final Clock clock;

    public EventPublisher(EventStore store, Webhooks webhooks, EnvelopeWriter envelopes,
                          AfterCommit afterCommit, DeliveryDispatcher dispatcher, Clock clock) {
        this.store = store;
        this.webhooks = webhooks;
        this.envelopes = envelopes;
        this.afterCommit = afterCommit;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /**
     * Records the event for delivery. Must run inside the caller's open transaction (a
     * {@code @Transactional} service method); without one it refuses, because an event written
     * on its own could announce a change that then rolls back.
     *
     * @param actor the username of whoever made the change, or null for the system itself
     */
    public void publish(RegistryEvent event, @Nullable String actor) {
        // Registered first: it also checks that there is a transaction before anything is written.
        afterCommit.register("EventPublisher.publish", dispatcher::wake);
        String id = UUID.randomUUID().toString();
        long now = clock.millis();
        String requestId = MDC.get("request_id");
        List<String> subscribers = webhooks.subscribers(event.type());
        store.append(new NewEvent(id, event.type(), envelopes.write(id, event, now, actor, requestId), now, actor, requestId,
                subscribers));
    }
}
