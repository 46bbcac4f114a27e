package dev.ballast.registry.app.event;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    @Test
    void doublesFromTheInitialDelayWithoutJitter() {
        Backoff middle = new Backoff(SECOND, TEN_MINUTES, () -> 0.5);
        long[] expected = {1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 512_000, 600_000, 600_000};
        for (int attempt = 1; attempt <= expected.length; attempt++) {
            assertEquals(expected[attempt - 1], middle.delayAfter(attempt).toMillis(), "after attempt " + attempt);
        }
    }

    @Test
    void jitterStaysWithinTwentyPercentAndUnderTheCap() {
        Backoff low = new Backoff(SECOND, TEN_MINUTES, () -> 0.0);
        Backoff high = new Backoff(SECOND, TEN_MINUTES, () -> 0.999_999);
        assertEquals(800, low.delayAfter(1).toMillis());
        assertEquals(1_200, high.delayAfter(1).toMillis());
        assertEquals(3_200, low.delayAfter(3).toMillis());
        assertEquals(4_800, high.delayAfter(3).toMillis());
        assertEquals(480_000, low.delayAfter(50).toMillis());
        assertEquals(600_000, high.delayAfter(50).toMillis(), "jitter never exceeds the cap");
    }

    @Test
    void randomJitterIsBounded() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1));
        for (int i = 0; i < 1_000; i++) {
            long first = backoff.delayAfter(1).toMillis();
            assertTrue(first >= 80 && first <= 120, "first delay " + first);
            long capped = backoff.delayAfter(100).toMillis();
            assertTrue(capped >= 800 && capped <= 1_000, "capped delay " + capped);
        }
    }
}
