package dev.ballast.registry.app.serving.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Prometheus series of served models, per model and version, for dashboards and alerts:
 *
 * <ul>
 *   <li>{@code ballast_serving_requests_total{model,version,endpoint,status}}: requests answered;</li>
 *   <li>{@code ballast_serving_latency_seconds{model,version}}: a histogram with buckets from 0.1 ms
 *       to 1 s (plus {@code _max});</li>
 *   <li>{@code ballast_serving_batch_size{model,version}}: rows per request, a histogram;</li>
 *   <li>{@code ballast_serving_errors_total{model,version,code}}: refused or failed requests by error
 *       code, version {@code none} when none was resolved (unknown model or alias);</li>
 *   <li>{@code ballast_serving_shadow_difference{model,primary,shadow,measure}}: one observation per
 *       request a shadow version also answered, the request's mean absolute difference (regression)
 *       or share of disagreeing rows (classification); {@code _sum / _count} is the mean per request
 *       and the buckets show how often the shadow is far off, which a gauge of the last value would hide;</li>
 *   <li>{@code ballast_serving_shadow_rows_total} and {@code ballast_serving_shadow_disagreements_total}
 *       {@code {model,primary,shadow}}: compared rows and those whose label differed, so
 *       {@code rate(disagreements) / rate(rows)} is the disagreement rate over rows.</li>
 * </ul>
 *
 * <p>{@link #request} runs once per served request, so its meters are looked up in maps keyed by
 * model, then version, then endpoint and status, built once per combination: a request after the
 * first allocates nothing here.
 */
@Singleton
public class ServingMetrics {
    /** Latency buckets (seconds): 0.1 ms to 1 s, what a Tribuo prediction and its HTTP round take. */
    static final Duration[] LATENCY_BUCKETS = {
            Duration.ofNanos(100_000), Duration.ofNanos(250_000), Duration.ofNanos(500_000), Duration.ofMillis(1),
            Duration.ofNanos(2_500_000), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1)};
    static final double[] BATCH_BUCKETS = {1, 2, 5, 10, 50, 100, 500, 1_000, 5_000, 10_000};
    static final double[] SHADOW_BUCKETS = {0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 10, 100};
    static final String NO_VERSION = "none";
    private static final int MAX_STATUS = 600;

    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, ModelMeters> models = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Counter> errors = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<ShadowKey, DistributionSummary> shadowDifferences = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<ShadowKey, Counter[]> shadowRows = new ConcurrentHashMap<>();

    /** Without a registry (metrics disabled) the meters record nowhere. */
    public ServingMetrics(@Nullable MeterRegistry registry) {
        this.registry = registry == null ? new CompositeMeterRegistry() : registry;
    }

    /**
     * One served request.
     *
     * @param endpoint  {@code predict} or {@code invocations}
     * @param status    the HTTP status answered
     * @param nanos     time from receiving the request to having its answer
     * @param batchSize rows in the request; 0 (nothing was read) is not recorded as a batch
     */
    public void request(String model, int version, String endpoint, int status, long nanos, int batchSize) {
        VersionMeters m = models.computeIfAbsent(model, ModelMeters::new).version(version);
        m.requests(endpoint, status).increment();
        m.latency.record(nanos, TimeUnit.NANOSECONDS);
        if (batchSize > 0) {
            m.batchSize.record(batchSize);
        }
    }

    /** A request refused or failed with an error code; {@code version} null when none was resolved. */
    public void error(String model, @Nullable Integer version, String errorCode) {
        String v = version == null ? NO_VERSION : version.toString();
        errors.computeIfAbsent(model + '\u0000' + v + '\u0000' + errorCode, k -> Counter.builder("ballast.serving.errors")
                .description("Serving requests refused or failed, by model, version (none when not resolved) and error code")
                .tags("model", model, "version", v, "code", errorCode)
                .register(registry)).increment();
    }

    /**
     * How far a shadow version's answers were from the primary's on one request.
     *
     * @param measure {@code mean_absolute_difference} (regression) or {@code disagreement_rate} (classification)
     */
    public void shadow(String model, int primaryVersion, int shadowVersion, String measure, double value) {
        if (!Double.isFinite(value)) {
            return;
        }
        shadowDifferences.computeIfAbsent(new ShadowKey(model, primaryVersion, shadowVersion, measure), k -> DistributionSummary
                .builder("ballast.serving.shadow.difference")
                .description("Per request, how far a shadow version's answers were from the primary's: mean absolute difference "
                        + "(regression) or share of disagreeing rows (classification)")
                .tags("model", model, "primary", Integer.toString(primaryVersion), "shadow", Integer.toString(shadowVersion),
                        "measure", measure)
                .serviceLevelObjectives(SHADOW_BUCKETS)
                .register(registry)).record(value);
    }

    /** Rows a shadow version answered next to the primary, and how many of them got a different label. */
    public void shadowCompared(String model, int primaryVersion, int shadowVersion, int rows, int disagreeingRows) {
        Counter[] counters = shadowRows.computeIfAbsent(new ShadowKey(model, primaryVersion, shadowVersion, ""), k -> {
            String p = Integer.toString(primaryVersion);
            String s = Integer.toString(shadowVersion);
            return new Counter[] {
                    Counter.builder("ballast.serving.shadow.rows").description("Rows a shadow version answered next to the primary")
                            .tags("model", model, "primary", p, "shadow", s).register(registry),
                    Counter.builder("ballast.serving.shadow.disagreements")
                            .description("Rows on which a shadow version's label differed from the primary's")
                            .tags("model", model, "primary", p, "shadow", s).register(registry)};
        });
        counters[0].increment(rows);
        counters[1].increment(disagreeingRows);
    }

    private record ShadowKey(String model, int primary, int shadow, String measure) {
    }

    /** A model's meters by version; versions up to 127 are looked up without boxing allocations. */
    private final class ModelMeters {
        private final String model;
        private final ConcurrentHashMap<Integer, VersionMeters> versions = new ConcurrentHashMap<>();

        ModelMeters(String model) {
            this.model = model;
        }

        VersionMeters version(int version) {
            VersionMeters m = versions.get(version);
            return m != null ? m : versions.computeIfAbsent(version, v -> new VersionMeters(model, Integer.toString(v)));
        }
    }

    private final class VersionMeters {
        private final String model;
        private final String version;
        private final Timer latency;
        private final DistributionSummary batchSize;
        private final ConcurrentHashMap<String, AtomicReferenceArray<Counter>> requestsByEndpoint = new ConcurrentHashMap<>();

        VersionMeters(String model, String version) {
            this.model = model;
            this.version = version;
            this.latency = Timer.builder("ballast.serving.latency")
                    .description("Time to answer a serving request, by model and version")
                    .tags("model", model, "version", version)
                    .serviceLevelObjectives(LATENCY_BUCKETS)
                    .register(registry);
            this.batchSize = DistributionSummary.builder("ballast.serving.batch.size")
                    .description("Rows per serving request, by model and version")
                    .tags("model", model, "version", version)
                    .serviceLevelObjectives(BATCH_BUCKETS)
                    .register(registry);
        }

        Counter requests(String endpoint, int status) {
            if (status < 0 || status >= MAX_STATUS) {
                return counter(endpoint, status);
            }
            AtomicReferenceArray<Counter> byStatus = requestsByEndpoint.get(endpoint);
            if (byStatus == null) {
                byStatus = requestsByEndpoint.computeIfAbsent(endpoint, e -> new AtomicReferenceArray<>(MAX_STATUS));
            }
            Counter c = byStatus.get(status);
            if (c == null) {
                // Two threads may race here; Micrometer answers the same counter to both.
                c = counter(endpoint, status);
                byStatus.set(status, c);
            }
            return c;
        }

        private Counter counter(String endpoint, int status) {
            return Counter.builder("ballast.serving.requests")
                    .description("Serving requests answered, by model, version, endpoint and HTTP status")
                    .tags("model", model, "version", version, "endpoint", endpoint, "status", Integer.toString(status))
                    .register(registry);
        }
    }
}
