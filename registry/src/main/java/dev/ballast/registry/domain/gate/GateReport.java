package dev.ballast.registry.domain.gate;

import java.util.List;

/**
 * The verdict of a model version's gates: every rule's result and whether all passed.
 *
 * <p>It exists as the one value the registry stores with a version and a promotion consults, so
 * the card and the promotion decision can never disagree. {@code passed} is derived from the
 * results and checked on construction; an empty result list passes.
 *
 * @param results  one result per rule, in the rules' order
 * @param passed   true when every result passed
 * @param champion the label of the champion compared against (e.g. {@code my-model v3}), or null
 *                 when the target alias had no holder
 */
public record GateReport(List<RuleResult> results, boolean passed, String champion) {
    public GateReport {
        results = List.copyOf(results);
        boolean all = results.stream().allMatch(RuleResult::passed);
        if (passed != all) {
            throw new IllegalArgumentException("passed must be " + all + " for these results");
        }
    }

    /** A report whose {@code passed} is computed from {@code results}. */
    public static GateReport of(List<RuleResult> results, String champion) {
        return new GateReport(results, results.stream().allMatch(RuleResult::passed), champion);
    }

    /** The results that failed, in order; empty when the report passed. */
    public List<RuleResult> failures() {
        return results.stream().filter(r -> !r.passed()).toList();
    }
}
