package dev.ballast.registry.domain.gate;

import java.util.Objects;

/**
 * The right-hand side of a gate rule: a fixed number, or the current champion's metric.
 *
 * <p>It exists because the two kinds behave differently at evaluation time: a fixed threshold is
 * always known, while a champion threshold depends on whether the target alias has a holder and
 * whether that holder logged the metric.
 */
public sealed interface Threshold permits Threshold.Fixed, Threshold.Champion {

    /** Canonical text of this right-hand side. */
    String expression();

    /**
     * A literal threshold, as in {@code metrics.r2 >= 0.75}.
     *
     * @param value a finite number
     */
    record Fixed(double value) implements Threshold {
        public Fixed {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a threshold must be finite: " + value);
            }
        }

        @Override
        public String expression() {
            return Numbers.format(value);
        }
    }

    /**
     * The champion's value of a metric, optionally adjusted, as in
     * {@code champion.metrics.rmse * 1.02}.
     *
     * @param metric     the champion's metric key (usually, not necessarily, the candidate's)
     * @param adjustment the arithmetic step, or null when the value is used as is
     */
    record Champion(String metric, Adjustment adjustment) implements Threshold {
        public Champion {
            Objects.requireNonNull(metric, "metric");
        }

        @Override
        public String expression() {
            String ref = "champion.metrics." + MetricKeys.write(metric, true);
            return adjustment == null ? ref : ref + " " + adjustment.expression();
        }
    }
}
