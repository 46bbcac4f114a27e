package dev.ballast.registry.domain.gate;

import dev.ballast.core.error.BallastException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The gate rules of one registered model, checked as a whole.
 *
 * <p>It exists so the checks that concern the list rather than a single rule (how many, no rule
 * twice) are made once, where rules are set on a model, with messages that name the offending
 * entry by its 1-based number. It does not look for contradictions ({@code r2 >= 0.9} with
 * {@code r2 < 0.5}): such a set is valid and simply never passes.
 */
public final class GateRuleSet {
    /** Most rules one model may have. */
    public static final int MAX_RULES = 50;

    private static final GateRuleSet EMPTY = new GateRuleSet(List.of());

    private final List<GateRule> rules;

    private GateRuleSet(List<GateRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** No rules: every version passes. */
    public static GateRuleSet empty() {
        return EMPTY;
    }

    /**
     * Parses and checks rule texts as a user sent them.
     *
     * @throws BallastException (INVALID_PARAMETER_VALUE) when there are more than
     *                          {@link #MAX_RULES}, one is malformed (the message says which) or two
     *                          are the same rule
     */
    public static GateRuleSet parse(List<String> expressions) {
        Objects.requireNonNull(expressions, "expressions");
        requireCount(expressions.size());
        List<GateRule> rules = new ArrayList<>(expressions.size());
        for (int i = 0; i < expressions.size(); i++) {
            try {
                rules.add(GateRule.parse(expressions.get(i)));
            } catch (BallastException e) {
                throw BallastException.invalid("Gate rule " + (i + 1) + " of " + expressions.size() + ": " + e.getMessage());
            }
        }
        return of(rules);
    }

    /**
     * Checks already parsed rules (templates, stored rules).
     *
     * @throws BallastException (INVALID_PARAMETER_VALUE) when there are more than
     *                          {@link #MAX_RULES} or two are the same rule
     */
    public static GateRuleSet of(List<GateRule> rules) {
        Objects.requireNonNull(rules, "rules");
        requireCount(rules.size());
        Map<GateRule, Integer> seen = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            GateRule rule = Objects.requireNonNull(rules.get(i), "rule");
            Integer earlier = seen.putIfAbsent(rule, i);
            if (earlier != null) {
                throw BallastException.invalid("Duplicate gate rule '" + rule.expression() + "': rules " + (earlier + 1) + " and "
                        + (i + 1) + " are the same rule.");
            }
        }
        return rules.isEmpty() ? EMPTY : new GateRuleSet(rules);
    }

    private static void requireCount(int count) {
        if (count > MAX_RULES) {
            throw BallastException.invalid("A model may have at most " + MAX_RULES + " gate rules; got " + count + ".");
        }
    }

    public List<GateRule> rules() {
        return rules;
    }

    /** The canonical texts, in order: what to store. */
    public List<String> expressions() {
        return rules.stream().map(GateRule::expression).toList();
    }

    /** Whether any rule needs the target alias's current holder (so the caller knows to look it up). */
    public boolean usesChampion() {
        return rules.stream().anyMatch(GateRule::usesChampion);
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** {@link GateEvaluator#evaluate} over these rules. */
    public GateReport evaluate(Map<String, Double> candidateMetrics, Map<String, Double> championMetrics, String championLabel) {
        return GateEvaluator.evaluate(rules, candidateMetrics, championMetrics, championLabel);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GateRuleSet other && rules.equals(other.rules);
    }

    @Override
    public int hashCode() {
        return rules.hashCode();
    }

    @Override
    public String toString() {
        return rules.toString();
    }
}
