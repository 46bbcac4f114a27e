package dev.ballast.registry.app.event;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import dev.ballast.core.identity.domain.Actor;
import dev.ballast.registry.domain.event.Delivery;
import dev.ballast.registry.domain.event.DeliveryStatus;
import dev.ballast.registry.domain.event.EventStore;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;

/**
 * What operators do with webhooks: see which are configured and how their deliveries stand, and
 * put a failed (dead) delivery back in the queue once its receiver is fixed.
 */
@Singleton
public class WebhookAdministration {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookAdministration.class);

    private final Webhooks webhooks;
    private final EventStore store;
    private final DeliveryDispatcher dispatcher;
    private final AfterCommit afterCommit;
    private final Clock clock;

    public WebhookAdministration(Webhooks webhooks, EventStore store, DeliveryDispatcher dispatcher, AfterCommit afterCommit,
                                 Clock clock) {
        this.webhooks = webhooks;
        this.store = store;
        this.dispatcher = dispatcher;
        this.afterCommit = afterCommit;
        this.clock = clock;
    }

    /** A webhook with the number of its deliveries pending and failed. */
    public record WebhookState(Webhook webhook, long pending, long failed) {
    }

    @Transactional
    public List<WebhookState> list() {
        return webhooks.all().stream()
                .map(w -> new WebhookState(w, store.count(w.name(), DeliveryStatus.PENDING), store.count(w.name(), DeliveryStatus.FAILED)))
                .toList();
    }

    /** Newest first. */
    public List<Delivery> deliveries(String webhook, @Nullable DeliveryStatus status, int limit) {
        return store.deliveries(webhook(webhook).name(), status, limit);
    }

    /** Re-queues a failed delivery with a fresh count of attempts and answers it as it now stands. */
    @Transactional
    public Delivery retry(Actor actor, String webhook, long deliveryId) {
        String name = webhook(webhook).name();
        Delivery delivery = store.delivery(name, deliveryId)
                .orElseThrow(() -> BallastException.notFound("Webhook '" + name + "' has no delivery " + deliveryId + "."));
        if (!store.requeue(name, deliveryId, clock.millis())) {
            throw new BallastException(ErrorCode.INVALID_STATE, "Delivery " + deliveryId + " is " + delivery.status().value()
                    + "; only failed deliveries can be retried.");
        }
        LOG.info("{} re-queued failed delivery {} of event {} to webhook {}", actor.username(), deliveryId, delivery.eventId(), name);
        afterCommit.register("WebhookAdministration.retry", dispatcher::wake);
        return store.delivery(name, deliveryId).orElseThrow();
    }

    public Webhook webhook(String name) {
        return webhooks.find(name).orElseThrow(() -> BallastException.notFound("No webhook named '" + name + "' is configured."));
    }
}
