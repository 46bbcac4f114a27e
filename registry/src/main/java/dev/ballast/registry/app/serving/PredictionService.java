package dev.ballast.registry.app.serving;

import dev.ballast.core.error.BallastException;
import dev.ballast.registry.app.serving.metrics.ServingMetrics;
import dev.ballast.registry.app.tribuo.ModelPrediction;
import dev.ballast.registry.domain.serving.TrafficPolicy;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Answers prediction requests: picks the version (the alias's, a canary's share, or a pinned
 * one), validates the rows against its schema before any inference, predicts, queues a shadow
 * copy when the policy says so, hands the rows to capture and records the request's metrics.
 */
@Singleton
public class PredictionService {
    private final ServingTable table;
    private final ServingSettings settings;
    private final ShadowRunner shadows;
    private final CaptureRows capture;
    private final ServingMetrics metrics;

    public PredictionService(ServingTable table, ServingSettings settings, ShadowRunner shadows, CaptureRows capture,
                             ServingMetrics metrics) {
        this.table = table;
        this.settings = settings;
        this.shadows = shadows;
        this.capture = capture;
        this.metrics = metrics;
    }

    /** Which endpoint a request names: an alias (null = the default alias) or a pinned version. */
    public record Target(String model, @Nullable String alias, @Nullable Integer version) {
    }

    /**
     * @param requestKey optional key that keeps a client on the same side of a canary split
     * @param endpoint   {@code predict} or {@code invocations}, for metrics
     */
    public Prediction predict(Target target, byte[] body, @Nullable String requestKey, String endpoint) {
        long start = System.nanoTime();
        Integer version = target.version();
        try {
            List<Map<String, Object>> rows = InputRows.parse(body, settings.maxBatchRows());
            Prediction p;
            if (target.version() != null) {
                LoadedVersion pinned = table.pinned(target.model(), target.version());
                double[][] values = RowValidator.validate(rows, pinned.features());
                p = new Prediction(pinned.model(), pinned.version(), null, "pinned", run(pinned, values));
                capture.offer(pinned, null, values, p.rows(), false);
            } else {
                String alias = target.alias() == null ? settings.defaultAlias() : target.alias();
                Endpoint e = table.resolve(target.model(), alias);
                boolean canary = e.candidate() != null && e.policy().mode() == TrafficPolicy.Mode.CANARY
                        && inCanary(requestKey, e.policy().canaryPercent());
                LoadedVersion chosen = canary ? e.candidate() : e.primary();
                version = chosen.version();
                double[][] values = RowValidator.validate(rows, chosen.features());
                List<ModelPrediction> answers = run(chosen, values);
                p = new Prediction(chosen.model(), chosen.version(), alias, canary ? "canary" : "primary", answers);
                capture.offer(chosen, alias, values, answers, false);
                if (e.candidate() != null && e.policy().mode() == TrafficPolicy.Mode.SHADOW) {
                    shadows.submit(chosen, e.candidate(), values, answers);
                }
            }
            metrics.request(p.model(), p.version(), endpoint, 200, System.nanoTime() - start, p.rows().size());
            return p;
        } catch (BallastException e) {
            metrics.error(target.model(), version, e.code().name());
            throw e;
        }
    }

    private static List<ModelPrediction> run(LoadedVersion v, double[][] values) {
        List<ModelPrediction> out = new ArrayList<>(values.length);
        for (double[] row : values) {
            out.add(v.predict(row));
        }
        return out;
    }

    /** Sticky by key (the same key always lands on the same side), else random. */
    static boolean inCanary(@Nullable String requestKey, double percent) {
        double bucket;
        if (requestKey == null || requestKey.isEmpty()) {
            bucket = ThreadLocalRandom.current().nextDouble(100);
        } else {
            long h = requestKey.hashCode() * 0x9E3779B97F4A7C15L;
            h ^= h >>> 32;
            bucket = Math.floorMod(h, 10_000) / 100.0;
        }
        return bucket < percent;
    }
}
