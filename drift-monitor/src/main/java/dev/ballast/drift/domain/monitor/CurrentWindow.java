package dev.ballast.drift.domain.monitor;

import io.micronaut.core.annotation.Nullable;

/**
 * Which captured inputs of the served version a check reads as the current sample: the newest {@code rows} of them,
 * and with {@code seconds} only those captured in the last {@code seconds} before the check.
 *
 * @param rows    at most this many rows, newest first
 * @param seconds only rows captured in the last this many seconds, or null for no time limit
 */
public record CurrentWindow(int rows, @Nullable Integer seconds) {
    public CurrentWindow {
        if (rows < 1) {
            throw new IllegalArgumentException("rows must be positive: " + rows);
        }
        if (seconds != null && seconds < 1) {
            throw new IllegalArgumentException("seconds must be positive: " + seconds);
        }
    }

    /** The first captured_at (epoch ms) a check at {@code now} reads. */
    public long from(long now) {
        return seconds == null ? 0 : now - seconds * 1000L;
    }
}
