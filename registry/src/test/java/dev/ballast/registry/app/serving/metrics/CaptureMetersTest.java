package dev.ballast.registry.app.serving.metrics;

import dev.ballast.registry.app.serving.capture.CaptureSettings;
import dev.ballast.registry.domain.serving.CapturedPrediction;
import dev.ballast.registry.app.serving.capture.PredictionCapture;
import dev.ballast.registry.domain.serving.CaptureStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Capture's counts are read at scrape time from the capture's stats. */
class CaptureMetersTest {

    @Test
    void exposesCaptureCounts() {
        CaptureStore nowhere = new CaptureStore() {
            @Override
            public void insertBatch(List<CapturedPrediction> predictions) {
            }

            @Override
            public List<CapturedPrediction> window(String model, Integer version, long from, long to, int limit) {
                return List.of();
            }

            @Override
            public long count(String model, Integer version, long from, long to) {
                return 0;
            }
        };
        PredictionCapture capture = new PredictionCapture(nowhere, new CaptureSettings(true, 1.0, 2, 10, Duration.ofSeconds(1)));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new CaptureMeters(registry, capture);
        for (int i = 0; i < 5; i++) {
            capture.offer(new CapturedPrediction("m", 1, null, i, Map.of("x", 1.0), Map.of("value", 1.0), false));
        }
        assertEquals(5.0, registry.get("ballast.serving.capture.offered").functionCounter().count());
        assertEquals(3.0, registry.get("ballast.serving.capture.dropped").functionCounter().count());
        assertEquals(0.0, registry.get("ballast.serving.capture.written").functionCounter().count());
        assertEquals(2.0, registry.get("ballast.serving.capture.queue.depth").gauge().value());
        assertEquals(2.0, registry.get("ballast.serving.capture.queue.capacity").gauge().value());
    }
}
