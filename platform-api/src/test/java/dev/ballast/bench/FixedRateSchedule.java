package dev.ballast.bench;

import java.time.Duration;

/**
 * The open-loop plan: request {@code i} is due at {@code start + i / rate}, whatever happened to
 * the requests before it. A request's latency counts from when it was due, not from when a
 * connection got round to sending it, so a server that stalls is charged for every request that
 * waited behind the stall (no coordinated omission, as in wrk2).
 *
 * @param startNanos when request 0 is due ({@link System#nanoTime()} clock)
 * @param perSecond  requests per second
 * @param count      how many requests the plan holds
 */
record FixedRateSchedule(long startNanos, double perSecond, long count) {

    FixedRateSchedule {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("rate must be positive: " + perSecond);
        }
        if (count < 1) {
            throw new IllegalArgumentException("a plan needs at least one request: " + count);
        }
    }

    /** As many requests as {@code duration} holds at {@code perSecond} (at least one). */
    static FixedRateSchedule of(long startNanos, double perSecond, Duration duration) {
        long n = Math.round(perSecond * duration.toNanos() / 1e9);
        return new FixedRateSchedule(startNanos, perSecond, Math.max(1, n));
    }

    /** When request {@code i} is due. */
    long dueNanos(long i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("request " + i + " of " + count);
        }
        return startNanos + Math.round(i * 1e9 / perSecond);
    }

    /** The latency of request {@code i} that completed at {@code completedNanos}: from when it was due. */
    long latencyNanos(long i, long completedNanos) {
        return completedNanos - dueNanos(i);
    }

    /** How long the plan lasts if every request goes out on time. */
    Duration planned() {
        return Duration.ofNanos(Math.round(count * 1e9 / perSecond));
    }
}
