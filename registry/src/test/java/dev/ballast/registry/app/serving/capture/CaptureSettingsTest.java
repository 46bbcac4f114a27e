package dev.ballast.registry.app.serving.capture;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Wrong capture settings stop start-up with a message naming the key. */
class CaptureSettingsTest {

    @Test
    void acceptsTheDefaults() {
        CaptureSettings s = new CaptureSettings(true, 1.0, 10_000, 500, Duration.ofSeconds(1));
        assertEquals(10_000, s.queueSize());
        assertEquals(500, s.batchSize());
    }

    @Test
    void namesTheKeyOfAWrongValue() {
        assertMessage("sample-rate", () -> new CaptureSettings(true, 1.5, 10, 5, Duration.ofSeconds(1)));
        assertMessage("sample-rate", () -> new CaptureSettings(true, Double.NaN, 10, 5, Duration.ofSeconds(1)));
        assertMessage("sample-rate", () -> new CaptureSettings(true, -0.1, 10, 5, Duration.ofSeconds(1)));
        assertMessage("queue-size", () -> new CaptureSettings(true, 1.0, 0, 5, Duration.ofSeconds(1)));
        assertMessage("batch-size", () -> new CaptureSettings(true, 1.0, 10, 0, Duration.ofSeconds(1)));
        assertMessage("flush-interval", () -> new CaptureSettings(true, 1.0, 10, 5, Duration.ZERO));
    }

    private static void assertMessage(String key, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains("ballast.serving.capture." + key), e.getMessage());
    }
}
