package dev.ballast.registry.app.serving.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Meter names, tags, counts and buckets of the serving series. */
class ServingMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ServingMetrics metrics = new ServingMetrics(registry);

    @Test
    void countsRequestsByModelVersionEndpointAndStatus() {
        metrics.request("churn", 3, "predict", 200, TimeUnit.MICROSECONDS.toNanos(800), 1);
        metrics.request("churn", 3, "predict", 200, TimeUnit.MILLISECONDS.toNanos(3), 10);
        metrics.request("churn", 3, "invocations", 400, TimeUnit.MICROSECONDS.toNanos(200), 0);
        metrics.request("churn", 200, "predict", 200, 1_000, 1);

        assertEquals(2.0, registry.get("ballast.serving.requests")
                .tags("model", "churn", "version", "3", "endpoint", "predict", "status", "200").counter().count());
        assertEquals(1.0, registry.get("ballast.serving.requests")
                .tags("model", "churn", "version", "3", "endpoint", "invocations", "status", "400").counter().count());
        assertEquals(1.0, registry.get("ballast.serving.requests").tags("version", "200").counter().count());

        Timer latency = registry.get("ballast.serving.latency").tags("model", "churn", "version", "3").timer();
        assertEquals(3, latency.count());
        assertEquals(4.0, latency.totalTime(TimeUnit.MILLISECONDS), 1e-9);
        assertEquals(ServingMetrics.LATENCY_BUCKETS.length, latency.takeSnapshot().histogramCounts().length);
        assertEquals(0.0001, latency.takeSnapshot().histogramCounts()[0].bucket(TimeUnit.SECONDS), 1e-12);

        DistributionSummary batches = registry.get("ballast.serving.batch.size").tags("model", "churn", "version", "3").summary();
        assertEquals(2, batches.count(), "a request with no rows read is not a batch");
        assertEquals(11.0, batches.totalAmount());
    }

    @Test
    void reusesMetersAcrossRequests() {
        metrics.request("m", 1, "predict", 200, 1, 1);
        Counter first = registry.get("ballast.serving.requests").tags("model", "m").counter();
        int meters = registry.getMeters().size();
        for (int i = 0; i < 1000; i++) {
            metrics.request("m", 1, "predict", 200, 1, 1);
        }
        assertEquals(meters, registry.getMeters().size());
        assertSame(first, registry.get("ballast.serving.requests").tags("model", "m").counter());
        assertEquals(1001.0, first.count());
    }

    @Test
    void countsErrorsByCodeWithVersionNoneWhenUnresolved() {
        metrics.error("churn", null, "RESOURCE_DOES_NOT_EXIST");
        metrics.error("churn", 2, "INVALID_PARAMETER_VALUE");
        metrics.error("churn", 2, "INVALID_PARAMETER_VALUE");
        assertEquals(1.0, registry.get("ballast.serving.errors")
                .tags("model", "churn", "version", "none", "code", "RESOURCE_DOES_NOT_EXIST").counter().count());
        assertEquals(2.0, registry.get("ballast.serving.errors")
                .tags("model", "churn", "version", "2", "code", "INVALID_PARAMETER_VALUE").counter().count());
    }

    @Test
    void recordsShadowDifferencesPerRequestAndComparedRows() {
        metrics.shadow("churn", 3, 4, "disagreement_rate", 0.1);
        metrics.shadow("churn", 3, 4, "disagreement_rate", 0.3);
        metrics.shadow("churn", 3, 4, "disagreement_rate", Double.NaN);
        metrics.shadowCompared("churn", 3, 4, 10, 1);
        metrics.shadowCompared("churn", 3, 4, 10, 3);
        DistributionSummary d = registry.get("ballast.serving.shadow.difference")
                .tags("model", "churn", "primary", "3", "shadow", "4", "measure", "disagreement_rate").summary();
        assertEquals(2, d.count());
        assertEquals(0.4, d.totalAmount(), 1e-12);
        assertEquals(20.0, registry.get("ballast.serving.shadow.rows").tags("primary", "3", "shadow", "4").counter().count());
        assertEquals(4.0, registry.get("ballast.serving.shadow.disagreements").tags("model", "churn").counter().count());
    }

    @Test
    void everyMeterHasADescription() {
        metrics.request("m", 1, "predict", 200, 1, 1);
        metrics.error("m", 1, "INTERNAL_ERROR");
        metrics.shadow("m", 1, 2, "mean_absolute_difference", 0.5);
        metrics.shadowCompared("m", 1, 2, 1, 0);
        assertFalse(registry.getMeters().isEmpty());
        for (Meter m : registry.getMeters()) {
            if (m.getId().getName().endsWith(".histogram")) {
                continue; // SimpleMeterRegistry's own gauge of SLO buckets; Prometheus exports buckets as _bucket series
            }
            assertNotNull(m.getId().getDescription(), m.getId().getName());
            assertTrue(m.getId().getName().startsWith("ballast.serving."), m.getId().getName());
        }
    }
}
