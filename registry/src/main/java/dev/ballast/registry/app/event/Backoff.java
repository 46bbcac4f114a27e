package dev.ballast.registry.app.event;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The wait before a delivery's next attempt: the initial backoff after the first failure,
 * doubled after each further one, capped, and spread by ±20 % jitter so that many deliveries
 * failing together (a receiver restarting) do not all come back at the same instant.
 */
public final class Backoff {
    static final double JITTER = 0.2;

    private final long initialMillis;
    private final long maxMillis;
    private final DoubleSupplier random;

    public Backoff(Duration initial, Duration max) {
        this(initial, max, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** {@code random} answers values in [0, 1). */
    Backoff(Duration initial, Duration max, DoubleSupplier random) {
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        this.random = random;
    }

    /** The wait after {@code failedAttempts} (at least 1) failed attempts. */
    public Duration delayAfter(int failedAttempts) {
        long base = initialMillis;
        for (int i = 1; i < failedAttempts && base < maxMillis; i++) {
            base *= 2;
        }
        base = Math.min(base, maxMillis);
        double factor = 1 - JITTER + 2 * JITTER * random.getAsDouble();
        return Duration.ofMillis(Math.min(maxMillis, Math.max(1, Math.round(base * factor))));
    }
}
