package dev.ballast.registry.domain.event;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * An event ready for the outbox: its envelope already written as JSON and the webhooks that
 * subscribe to its type, each of which gets a pending delivery.
 */
public record NewEvent(String id, String type, String envelope, long createdAt, @Nullable String actor,
                       @Nullable String requestId, List<String> webhooks) {

    public NewEvent {
        webhooks = List.copyOf(webhooks);
    }
}
