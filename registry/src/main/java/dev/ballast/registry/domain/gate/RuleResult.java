package dev.ballast.registry.domain.gate;

import java.util.Objects;

/**
 * The outcome of one gate rule for one model version, as stored with the version and shown on its
 * card.
 *
 * <p>It exists so the card can say exactly what was compared and why a rule failed, long after the
 * rule or the champion has changed. Its components are strings, finite numbers and a boolean, so
 * any JSON mapper writes it without configuration: non-finite values are never stored here (the
 * detail names them instead).
 *
 * @param rule       the rule's canonical text
 * @param metric     the candidate's metric key
 * @param value      the candidate's value; null when the metric is missing or not finite
 * @param threshold  the evaluated right-hand side (the champion's value after any adjustment);
 *                   null when it could not be computed (no champion, champion lacks the metric,
 *                   or the result is not finite)
 * @param comparator the comparison's canonical symbol ({@code >=}, {@code <}, ...)
 * @param passed     whether the rule passed
 * @param detail     a sentence for people: {@code r2 = 0.81 ≥ 0.75},
 *                   {@code metric 'mape' was not logged by the run}, ...
 */
public record RuleResult(String rule, String metric, Double value, Double threshold, String comparator, boolean passed,
                         String detail) {
    public RuleResult {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(comparator, "comparator");
        Objects.requireNonNull(detail, "detail");
        if (value != null && !Double.isFinite(value) || threshold != null && !Double.isFinite(threshold)) {
            throw new IllegalArgumentException("values in a rule result must be finite or null");
        }
    }
}
