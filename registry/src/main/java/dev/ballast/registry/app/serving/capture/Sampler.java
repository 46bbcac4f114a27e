package dev.ballast.registry.app.serving.capture;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Decides, per served row, whether it is captured: one comparison with a thread-local random
 * number, so the decision costs nanoseconds and no lock on the request thread. Rates of 0 and 1
 * decide without drawing at all. Tests inject a seeded source to check the rate.
 */
final class Sampler {
    private final double rate;
    private final DoubleSupplier uniform;

    private Sampler(double rate, DoubleSupplier uniform) {
        this.rate = rate;
        this.uniform = uniform;
    }

    /** Samples with {@link ThreadLocalRandom}, safe on any number of request threads. */
    static Sampler of(double rate) {
        return new Sampler(rate, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** Samples with the given source of uniform numbers in [0, 1) (tests; not thread-safe unless the source is). */
    static Sampler of(double rate, DoubleSupplier uniform) {
        return new Sampler(rate, uniform);
    }

    boolean keep() {
        if (rate >= 1.0) {
            return true;
        }
        if (rate <= 0.0) {
            return false;
        }
        return uniform.getAsDouble() < rate;
    }
}
