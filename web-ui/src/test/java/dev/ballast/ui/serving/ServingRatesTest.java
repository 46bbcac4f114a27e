package dev.ballast.ui.serving;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.CountingMode;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServingRatesTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        long millis = 1_000_000;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    private static Timer latency(MeterRegistry registry, String model, String version) {
        return Timer.builder("ballast.serving.latency").tags("model", model, "version", version)
                .serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(100))
                .register(registry);
    }

    @Test
    void ratesAndQuantilesCoverOnlyWhatHappenedInTheWindow() {
        // Cumulative like the Prometheus registry Ballast runs with (its histograms never expire).
        MeterRegistry registry = new SimpleMeterRegistry(new SimpleConfig() {
            @Override
            public String get(String key) {
                return null;
            }

            @Override
            public CountingMode mode() {
                return CountingMode.CUMULATIVE;
            }
        }, io.micrometer.core.instrument.Clock.SYSTEM);
        ManualClock clock = new ManualClock();
        ServingRates rates = new ServingRates(registry, clock);
        try {
            Counter ok = registry.counter("ballast.serving.requests", "model", "m", "version", "1", "endpoint", "predict", "status", "200");
            Counter failed = registry.counter("ballast.serving.errors", "model", "m", "version", "1", "code", "INVALID_PARAMETER_VALUE");
            Timer t = latency(registry, "m", "1");
            for (int i = 0; i < 100; i++) {
                ok.increment();
                t.record(50, TimeUnit.MILLISECONDS);
            }
            ServingRates.Live first = rates.live().get("m");
            assertEquals(100, first.requests());
            assertNull(first.requestsPerSecond(), "no sample a second older, no rate");

            clock.millis += ServingRates.WINDOW_MS + 1_000;
            assertNull(rates.live().get("m").requestsPerSecond(), "every earlier sample is older than the window");

            clock.millis += 10_000;
            for (int i = 0; i < 18; i++) {
                ok.increment();
                t.record(3, TimeUnit.MILLISECONDS);
            }
            ok.increment();
            t.record(8, TimeUnit.MILLISECONDS);
            ok.increment();
            t.record(8, TimeUnit.MILLISECONDS);
            failed.increment(5);
            ServingRates.Live live = rates.live().get("m");
            assertEquals(2.5, live.requestsPerSecond(), 1e-9, "25 requests in the 10 s since the last sample; the 100 before it are outside the window");
            assertEquals(0.2, live.errorRate(), 1e-9);
            assertEquals(10, live.windowSeconds(), 1e-9);
            assertNotNull(live.p50Ms());
            assertTrue(live.p50Ms() > 1 && live.p50Ms() <= 5, "the median of the window is in the 1-5 ms bucket, not 50 ms: " + live.p50Ms());
            assertTrue(live.p95Ms() > 5 && live.p95Ms() <= 10, "p95 in the 5-10 ms bucket: " + live.p95Ms());
        } finally {
            rates.stop();
        }
    }

    @Test
    void aQuantileAboveTheTopBucketIsInfiniteAndAnEmptyWindowHasNone() {
        ServingRates.Totals base = new ServingRates.Totals();
        ServingRates.Totals now = new ServingRates.Totals();
        now.latencyCount = 10;
        now.bucketNanos = new double[] {1e6, 1e7};
        now.bucketCounts = new double[] {2, 4};
        assertEquals(Double.POSITIVE_INFINITY, ServingRates.quantile(now, base, 0.95));
        assertEquals(0.5, ServingRates.quantile(now, base, 0.1), 1e-9, "halfway into the first bucket");
        assertNull(ServingRates.quantile(now, now, 0.5));
    }
}
