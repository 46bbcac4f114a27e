package dev.ballast.registry.domain.event;

import java.util.Locale;

/**
 * Where a webhook delivery stands: {@code PENDING} until the receiver answered 2xx
 * ({@code DELIVERED}) or the webhook's attempts ran out ({@code FAILED}, kept with its last
 * error until an operator re-queues it).
 */
public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED;

    /** The value stored in {@code webhook_deliveries.status} and shown by the API. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeliveryStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
