package dev.ballast.registry.domain.gate;

import dev.ballast.core.error.BallastException;

import java.util.Objects;

/**
 * One metric gate of a registered model, such as {@code metrics.r2 >= 0.75} or
 * {@code metrics.rmse <= champion.metrics.rmse * 1.02}.
 *
 * <p>It exists so that a rule is parsed and checked once, when it is set on a model, and is then
 * a value: two spellings of the same rule ({@code metrics.r2>=0.750}, {@code metric.r2 >= .75})
 * have the same {@link #expression() canonical text} and are equal. Store and show the canonical
 * text; {@link #parse} reads it back to an equal rule.
 *
 * <p>The grammar (whitespace between parts is free; positions in errors are 0-based):
 * <pre>
 * rule       := metric comparison threshold
 * metric     := ("metrics" | "metric") "." key
 * comparison := "&gt;=" | "&gt;" | "&lt;=" | "&lt;" | "==" | "=" | "!="     ("=" is read as "==")
 * threshold  := number | "champion." ("metrics" | "metric") "." key [ ("*" | "/" | "+" | "-") number ]
 * key        := bare key (letters, digits, _ . - /) | key in backticks, double or single quotes
 * number     := decimal with optional sign, fraction and exponent; NaN and infinities are refused
 * </pre>
 * Only one arithmetic step may follow the champion's metric: it is enough for a margin
 * ({@code * 1.02}, {@code - 0.01}) and keeps rules readable on a model card. Because {@code -}
 * and {@code /} belong to bare keys, spaces are needed around those two operators
 * ({@code champion.metrics.rmse - 0.01}); the unspaced spelling is refused with that advice.
 * Keys follow MLflow's rules (letters, digits, underscores, dashes, periods, spaces, slashes; at
 * most 250 characters); keys with spaces are written in backticks, as in MLflow's search syntax.
 */
public final class GateRule {
    /** Longest accepted rule text, in characters. */
    public static final int MAX_LENGTH = 500;

    private final String metric;
    private final Comparison comparison;
    private final Threshold threshold;
    private final String expression;

    GateRule(String metric, Comparison comparison, Threshold threshold) {
        this.metric = Objects.requireNonNull(metric, "metric");
        this.comparison = Objects.requireNonNull(comparison, "comparison");
        this.threshold = Objects.requireNonNull(threshold, "threshold");
        this.expression = "metrics." + MetricKeys.write(metric, false) + " " + comparison.symbol() + " " + threshold.expression();
    }

    /**
     * Reads a rule.
     *
     * @throws BallastException (INVALID_PARAMETER_VALUE) naming the position and what was expected
     *                          when the text is empty, longer than {@link #MAX_LENGTH} or malformed
     */
    public static GateRule parse(String expression) {
        return GateRuleParser.parse(expression);
    }

    /** The candidate's metric key the rule tests. */
    public String metric() {
        return metric;
    }

    public Comparison comparison() {
        return comparison;
    }

    public Threshold threshold() {
        return threshold;
    }

    /** Whether evaluating the rule needs the current holder of the target alias. */
    public boolean usesChampion() {
        return threshold instanceof Threshold.Champion;
    }

    /** The canonical text: {@code metrics.<key> <op> <threshold>}, single spaces, shortest numbers. */
    public String expression() {
        return expression;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GateRule other && expression.equals(other.expression);
    }

    @Override
    public int hashCode() {
        return expression.hashCode();
    }

    /** The canonical text, as {@link #expression()}. */
    @Override
    public String toString() {
        return expression;
    }
}
