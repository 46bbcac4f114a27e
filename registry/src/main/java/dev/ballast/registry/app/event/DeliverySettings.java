package dev.ballast.registry.app.event;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * How the dispatcher paces itself: {@code ballast.webhook-delivery.enabled} (true),
 * {@code .initial-backoff} (1s, the wait after the first failed attempt, doubled after each
 * further one), {@code .max-backoff} (10m) and {@code .poll-interval} (2s, how often the outbox
 * is read without a nudge: it picks up other replicas' events and wakes after a crash).
 */
@Singleton
public class DeliverySettings {
    /** A receiver gets this long to accept the connection ... */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** ... and this long to answer. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** A claimed delivery is left alone by other replicas this long, well beyond one attempt. */
    public static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(60);

    private final boolean enabled;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration pollInterval;

    public DeliverySettings(@Value("${ballast.webhook-delivery.enabled:true}") boolean enabled,
                            @Value("${ballast.webhook-delivery.initial-backoff:1s}") Duration initialBackoff,
                            @Value("${ballast.webhook-delivery.max-backoff:10m}") Duration maxBackoff,
                            @Value("${ballast.webhook-delivery.poll-interval:2s}") Duration pollInterval) {
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("ballast.webhook-delivery.initial-backoff must be positive and at most max-backoff");
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("ballast.webhook-delivery.poll-interval must be positive");
        }
        this.enabled = enabled;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.pollInterval = pollInterval;
    }

    public boolean enabled() {
        return enabled;
    }

    public Duration initialBackoff() {
        return initialBackoff;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    public Duration pollInterval() {
        return pollInterval;
    }
}
