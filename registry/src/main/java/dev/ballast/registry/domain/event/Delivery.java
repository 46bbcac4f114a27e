package dev.ballast.registry.domain.event;

import io.micronaut.core.annotation.Nullable;

/**
 * One event's delivery to one webhook, as the outbox records it: what operators inspect and
 * what the dispatcher sends.
 *
 * @param envelope        the JSON body, byte for byte what every attempt sends (and signs)
 * @param nextAttemptAt   epoch ms from which a pending delivery may be sent again
 * @param lastStatusCode  HTTP status of the last attempt, null if it got none (connection error)
 */
public record Delivery(long id, String eventId, String eventType, String webhook, DeliveryStatus status, int attempts,
                       long nextAttemptAt, @Nullable Long lastAttemptAt, @Nullable Integer lastStatusCode,
                       @Nullable String lastError, long createdAt, @Nullable Long deliveredAt, String envelope) {
}
