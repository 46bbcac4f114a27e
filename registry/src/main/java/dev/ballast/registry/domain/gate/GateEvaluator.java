package dev.ballast.registry.domain.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Evaluates gate rules against a candidate version's metrics and the current champion's.
 *
 * <p>It exists to hold the decisions about incomplete data in one place:
 * <ul>
 *   <li>A metric the candidate did not log fails its rule: a gate must be proven, not assumed.</li>
 *   <li>A candidate value that is NaN or infinite fails its rule: it proves nothing.</li>
 *   <li>A rule that compares to the champion when the target alias has no holder passes, with the
 *       detail {@value #NO_CHAMPION}: the first version to reach a target has nothing to beat,
 *       and refusing it would make the alias unreachable.</li>
 *   <li>When there is a champion but it lacks the metric (or its value is not finite, or the
 *       adjusted value overflows), the rule fails: the candidate cannot be shown not to be worse.</li>
 *   <li>No rules: the report passes with no results.</li>
 * </ul>
 * Comparisons are exact on doubles ({@link Comparison}); the candidate is checked first, so a
 * missing candidate metric fails even when there is no champion.
 */
public final class GateEvaluator {
    /** The detail of a champion rule evaluated while the target alias has no holder. */
    public static final String NO_CHAMPION = "no current champion: comparison skipped";

    private GateEvaluator() {
    }

    /**
     * @param rules            the model's rules, evaluated in order
     * @param candidateMetrics the candidate's metrics (the version's run or its evaluation run);
     *                         a key mapped to null counts as missing
     * @param championMetrics  the metrics of the target alias's current holder, or null when the
     *                         alias has no holder
     * @param championLabel    how to name the champion in details, e.g. {@code my-model v3}; null
     *                         when there is none (or to say just "the champion")
     */
    public static GateReport evaluate(List<GateRule> rules, Map<String, Double> candidateMetrics, Map<String, Double> championMetrics,
                                      String championLabel) {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(candidateMetrics, "candidateMetrics");
        List<RuleResult> results = new ArrayList<>(rules.size());
        for (GateRule rule : rules) {
            results.add(evaluate(rule, candidateMetrics, championMetrics, championLabel));
        }
        return GateReport.of(results, championMetrics == null ? null : championLabel);
    }

    static RuleResult evaluate(GateRule rule, Map<String, Double> candidate, Map<String, Double> champion, String championLabel) {
        Rhs rhs = rhs(rule.threshold(), champion, championLabel);
        Double value = candidate.get(rule.metric());
        String name = rule.metric();
        if (value == null) {
            return result(rule, null, rhs.value, false, "metric '" + name + "' was not logged by the run");
        }
        if (!Double.isFinite(value)) {
            return result(rule, null, rhs.value, false, "metric '" + name + "' is " + Numbers.format(value)
                    + "; a gate needs a finite value");
        }
        if (rhs.value == null) {
            return result(rule, value, null, rhs.skipped, rhs.problem);
        }
        boolean passed = rule.comparison().holds(value, rhs.value);
        String relation = (passed ? " " : ", not ") + rule.comparison().display() + " ";
        String detail = name + " = " + Numbers.format(value) + relation + Numbers.format(rhs.value)
                + (rhs.derivation == null ? "" : " (" + rhs.derivation + ")");
        return result(rule, value, rhs.value, passed, detail);
    }

    /**
     * The right-hand side: a value, or why there is none ({@code problem}) and whether that means
     * the comparison is skipped (no champion) rather than failed.
     */
    private record Rhs(Double value, String derivation, boolean skipped, String problem) {
    }

    private static Rhs rhs(Threshold threshold, Map<String, Double> champion, String championLabel) {
        if (threshold instanceof Threshold.Fixed fixed) {
            return new Rhs(fixed.value(), null, false, null);
        }
        Threshold.Champion ref = (Threshold.Champion) threshold;
        if (champion == null) {
            return new Rhs(null, null, true, NO_CHAMPION);
        }
        String who = championLabel == null ? "the champion" : "champion " + championLabel;
        Double base = champion.get(ref.metric());
        if (base == null) {
            return new Rhs(null, null, false, who + " has no metric '" + ref.metric() + "'");
        }
        if (!Double.isFinite(base)) {
            return new Rhs(null, null, false, who + "'s metric '" + ref.metric() + "' is " + Numbers.format(base) + "; cannot compare");
        }
        Adjustment adjustment = ref.adjustment();
        String derivation = who + ": " + ref.metric() + " = " + Numbers.format(base)
                + (adjustment == null ? "" : " " + adjustment.op().display() + " " + Numbers.format(adjustment.operand()));
        double value = adjustment == null ? base : adjustment.apply(base);
        if (!Double.isFinite(value)) {
            return new Rhs(null, null, false, "the threshold (" + derivation + ") is not finite; cannot compare");
        }
        return new Rhs(value, derivation, false, null);
    }

    private static RuleResult result(GateRule rule, Double value, Double threshold, boolean passed, String detail) {
        return new RuleResult(rule.expression(), rule.metric(), value, threshold, rule.comparison().symbol(), passed, detail);
    }
}
