package dev.ballast.registry.app.serving;

import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Running agreement of each shadow candidate with the version it shadows, since this replica
 * started: for regression the mean absolute difference of predictions, for classification the
 * share of rows whose labels differ. Prometheus has the same figures across replicas.
 */
@Singleton
public class ShadowStats {
    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();

    /** One pair's tally. */
    public static final class Tally {
        private final String model;
        private final int primary;
        private final int shadow;
        private long rows;
        private double absoluteDifference;
        private long disagreements;

        Tally(String model, int primary, int shadow) {
            this.model = model;
            this.primary = primary;
            this.shadow = shadow;
        }

        synchronized void add(long compared, double absDiff, long disagreed) {
            rows += compared;
            absoluteDifference += absDiff;
            disagreements += disagreed;
        }

        /** A snapshot: model, versions, rows compared and both agreement measures. */
        public synchronized Map<String, Object> snapshot() {
            return Map.of("model", model, "primary_version", String.valueOf(primary), "shadow_version", String.valueOf(shadow),
                    "rows_compared", rows,
                    "mean_absolute_difference", rows == 0 ? 0.0 : absoluteDifference / rows,
                    "disagreement_rate", rows == 0 ? 0.0 : (double) disagreements / rows);
        }
    }

    void add(String model, int primary, int shadow, long rows, double absDiff, long disagreed) {
        tallies.computeIfAbsent(model + "/" + primary + "/" + shadow, k -> new Tally(model, primary, shadow)).add(rows, absDiff, disagreed);
    }

    public List<Map<String, Object>> of(String model) {
        List<Map<String, Object>> out = new ArrayList<>();
        tallies.values().forEach(t -> {
            if (t.model.equals(model)) {
                out.add(t.snapshot());
            }
        });
        return out;
    }
}
