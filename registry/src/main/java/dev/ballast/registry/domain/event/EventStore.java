package dev.ballast.registry.domain.event;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Optional;

/**
 * The persisted outbox: registry events and their deliveries to webhooks. Writes join the
 * caller's transaction, which is what makes an event exist exactly when its change committed.
 * Several replicas may dispatch from the same tables: a delivery is sent only by the replica
 * that {@linkplain #claim claimed} it.
 */
public interface EventStore {

    /** Inserts the event and one pending delivery per webhook, due at once. */
    void append(NewEvent event);

    /**
     * The webhook's oldest pending delivery (its head of line), whether due or not, so the
     * dispatcher sends each webhook's events in order and knows when to wake up next.
     */
    Optional<Delivery> pendingHead(String webhook);

    /** Names of the webhooks that have pending deliveries (also ones no longer configured). */
    List<String> webhooksWithPending();

    /**
     * Takes a pending, due delivery for sending until {@code claimUntil}. False when another
     * dispatcher holds an unexpired claim, or the row changed since it was read with
     * {@code attempts} attempts (another replica made one meanwhile), or it is no longer pending.
     */
    boolean claim(long deliveryId, int attempts, long now, long claimUntil);

    /** Gives a claim back without counting an attempt (the dispatcher is stopping). */
    void release(long deliveryId);

    void markDelivered(long deliveryId, int attempts, int statusCode, long now);

    /** Records a failed attempt; the delivery stays pending until {@code nextAttemptAt}. */
    void markRetry(long deliveryId, int attempts, @Nullable Integer statusCode, String error, long now, long nextAttemptAt);

    /** Records the last failed attempt: the delivery is dead until re-queued. */
    void markFailed(long deliveryId, int attempts, @Nullable Integer statusCode, String error, long now);

    /** Newest first, optionally only those with the status. */
    List<Delivery> deliveries(String webhook, @Nullable DeliveryStatus status, int limit);

    Optional<Delivery> delivery(String webhook, long deliveryId);

    /** Makes a failed delivery pending again with a fresh count of attempts; false if it was not failed. */
    boolean requeue(String webhook, long deliveryId, long now);

    /** Number of deliveries of the webhook with the status. */
    long count(String webhook, DeliveryStatus status);
}
