package dev.ballast.registry.domain.gate;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GateEvaluatorTest {

    private static RuleResult one(String rule, Map<String, Double> candidate) {
        return one(rule, candidate, null, null);
    }

    private static RuleResult one(String rule, Map<String, Double> candidate, Map<String, Double> champion, String label) {
        GateReport report = GateEvaluator.evaluate(List.of(GateRule.parse(rule)), candidate, champion, label);
        assertEquals(1, report.results().size());
        return report.results().get(0);
    }

    @Test
    void passingRuleRecordsValueThresholdAndSentence() {
        RuleResult r = one("metrics.r2 >= 0.75", Map.of("r2", 0.81));
        assertEquals(new RuleResult("metrics.r2 >= 0.75", "r2", 0.81, 0.75, ">=", true, "r2 = 0.81 ≥ 0.75"), r);
    }

    @Test
    void failingRuleSaysWhichRelationDidNotHold() {
        RuleResult r = one("metrics.r2 >= 0.75", Map.of("r2", 0.7));
        assertFalse(r.passed());
        assertEquals("r2 = 0.7, not ≥ 0.75", r.detail());
    }

    @Test
    void boundariesAreExact() {
        assertTrue(one("metrics.r2 >= 0.75", Map.of("r2", 0.75)).passed());
        assertFalse(one("metrics.r2 > 0.75", Map.of("r2", 0.75)).passed());
        assertTrue(one("metrics.mape <= 0.10", Map.of("mape", 0.10)).passed());
        assertFalse(one("metrics.mape < 0.10", Map.of("mape", 0.10)).passed());
        assertTrue(one("metrics.mape < 0.10", Map.of("mape", 0.09999999)).passed());
        assertTrue(one("metrics.n == 3", Map.of("n", 3.0)).passed());
        assertFalse(one("metrics.n != 3", Map.of("n", 3.0)).passed());
        assertTrue(one("metrics.n != 3", Map.of("n", 3.5)).passed());
        assertTrue(one("metrics.loss < -1e-3", Map.of("loss", -0.002)).passed());
    }

    @Test
    void missingCandidateMetricFails() {
        RuleResult r = one("metrics.mape < 0.10", Map.of("r2", 0.9));
        assertEquals(new RuleResult("metrics.mape < 0.1", "mape", null, 0.1, "<", false, "metric 'mape' was not logged by the run"), r);
        assertFalse(one("metrics.mape < 0.10", mapWithNull("mape")).passed());
    }

    @Test
    void nonFiniteCandidateValueFailsWithoutStoringIt() {
        RuleResult nan = one("metrics.r2 >= 0.75", Map.of("r2", Double.NaN));
        assertFalse(nan.passed());
        assertNull(nan.value());
        assertEquals("metric 'r2' is NaN; a gate needs a finite value", nan.detail());
        RuleResult inf = one("metrics.r2 <= 0.75", Map.of("r2", Double.NEGATIVE_INFINITY));
        assertFalse(inf.passed(), "-Infinity is not 'small enough'");
        assertEquals("metric 'r2' is -Infinity; a gate needs a finite value", inf.detail());
        assertFalse(one("metrics.r2 >= 0.75", Map.of("r2", Double.POSITIVE_INFINITY)).passed());
    }

    @Test
    void championMultiplicationAllowsAMargin() {
        RuleResult r = one("metrics.rmse <= champion.metrics.rmse * 1.02", Map.of("rmse", 1.01), Map.of("rmse", 1.00), "my-model v3");
        assertTrue(r.passed());
        assertEquals(1.01, r.value());
        assertEquals(1.02, r.threshold());
        assertEquals("rmse = 1.01 ≤ 1.02 (champion my-model v3: rmse = 1 × 1.02)", r.detail());
        RuleResult worse = one("metrics.rmse <= champion.metrics.rmse * 1.02", Map.of("rmse", 1.03), Map.of("rmse", 1.00), "my-model v3");
        assertFalse(worse.passed());
        assertEquals("rmse = 1.03, not ≤ 1.02 (champion my-model v3: rmse = 1 × 1.02)", worse.detail());
    }

    @Test
    void everyArithmeticStepIsApplied() {
        Map<String, Double> champion = Map.of("auc", 0.9);
        assertEquals(0.45, one("metrics.auc >= champion.metrics.auc / 2", Map.of("auc", 0.5), champion, "m v1").threshold());
        assertEquals(0.91, one("metrics.auc >= champion.metrics.auc + 0.01", Map.of("auc", 0.5), champion, "m v1").threshold(), 1e-12);
        assertEquals(0.89, one("metrics.auc >= champion.metrics.auc - 0.01", Map.of("auc", 0.5), champion, "m v1").threshold(), 1e-12);
        RuleResult plain = one("metrics.auc >= champion.metrics.auc", Map.of("auc", 0.9), champion, "m v1");
        assertTrue(plain.passed());
        assertEquals("auc = 0.9 ≥ 0.9 (champion m v1: auc = 0.9)", plain.detail());
    }

    @Test
    void championRuleWithoutChampionPassesAndSaysSo() {
        RuleResult r = one("metrics.rmse <= champion.metrics.rmse * 1.02", Map.of("rmse", 5.0), null, null);
        assertEquals(new RuleResult("metrics.rmse <= champion.metrics.rmse * 1.02", "rmse", 5.0, null, "<=", true,
                GateEvaluator.NO_CHAMPION), r);
        assertEquals("no current champion: comparison skipped", r.detail());
    }

    @Test
    void missingCandidateMetricFailsEvenWithoutChampion() {
        RuleResult r = one("metrics.rmse <= champion.metrics.rmse", Map.of(), null, null);
        assertFalse(r.passed());
        assertEquals("metric 'rmse' was not logged by the run", r.detail());
    }

    @Test
    void championLackingTheMetricFails() {
        RuleResult r = one("metrics.rmse <= champion.metrics.rmse", Map.of("rmse", 1.0), Map.of("mae", 1.0), "v3");
        assertFalse(r.passed());
        assertNull(r.threshold());
        assertEquals(1.0, r.value());
        assertEquals("champion v3 has no metric 'rmse'", r.detail());
        assertEquals("the champion has no metric 'rmse'",
                one("metrics.rmse <= champion.metrics.rmse", Map.of("rmse", 1.0), Map.of(), null).detail());
    }

    @Test
    void nonFiniteChampionValueOrThresholdFails() {
        RuleResult nan = one("metrics.rmse <= champion.metrics.rmse", Map.of("rmse", 1.0), Map.of("rmse", Double.NaN), "v3");
        assertFalse(nan.passed());
        assertNull(nan.threshold());
        assertEquals("champion v3's metric 'rmse' is NaN; cannot compare", nan.detail());
        RuleResult overflow = one("metrics.x <= champion.metrics.x * 10", Map.of("x", 1.0), Map.of("x", Double.MAX_VALUE), "v3");
        assertFalse(overflow.passed());
        assertNull(overflow.threshold());
        assertEquals("the threshold (champion v3: x = 1.7976931348623157E+308 × 10) is not finite; cannot compare", overflow.detail());
    }

    @Test
    void championMayBeComparedOnAnotherKey() {
        RuleResult r = one("metrics.mae_new <= champion.metrics.mae", Map.of("mae_new", 0.2), Map.of("mae", 0.3), "v1");
        assertTrue(r.passed());
        assertEquals("mae_new", r.metric());
    }

    @Test
    void reportPassesOnlyWhenEveryRulePasses() {
        List<GateRule> rules = List.of(GateRule.parse("metrics.r2 >= 0.75"), GateRule.parse("metrics.mape < 0.10"),
                GateRule.parse("metrics.rmse <= champion.metrics.rmse"));
        GateReport report = GateEvaluator.evaluate(rules, Map.of("r2", 0.8, "rmse", 2.0), Map.of("rmse", 1.5), "my-model v3");
        assertFalse(report.passed());
        assertEquals("my-model v3", report.champion());
        assertEquals(List.of("metrics.r2 >= 0.75", "metrics.mape < 0.1", "metrics.rmse <= champion.metrics.rmse"),
                report.results().stream().map(RuleResult::rule).toList());
        assertEquals(List.of("mape", "rmse"), report.failures().stream().map(RuleResult::metric).toList());

        GateReport good = GateEvaluator.evaluate(rules, Map.of("r2", 0.8, "mape", 0.05, "rmse", 1.0), null, null);
        assertTrue(good.passed());
        assertNull(good.champion());
        assertEquals(List.of(), good.failures());
    }

    @Test
    void noRulesPass() {
        GateReport report = GateEvaluator.evaluate(List.of(), Map.of(), null, null);
        assertTrue(report.passed());
        assertEquals(List.of(), report.results());
        assertEquals(List.of(), report.failures());
    }

    @Test
    void labelIsReportedOnlyWhenThereIsAChampion() {
        assertNull(GateEvaluator.evaluate(List.of(), Map.of(), null, "ignored").champion());
        assertEquals("m v2", GateEvaluator.evaluate(List.of(), Map.of(), Map.of(), "m v2").champion());
    }

    @Test
    void reportRefusesAPassedFlagThatContradictsItsResults() {
        RuleResult failed = new RuleResult("metrics.a > 1", "a", 0.0, 1.0, ">", false, "a = 0, not > 1");
        assertThrows(IllegalArgumentException.class, () -> new GateReport(List.of(failed), true, null));
        assertFalse(GateReport.of(List.of(failed), null).passed());
    }

    @Test
    void resultsHoldOnlyFiniteNumbers() {
        assertThrows(IllegalArgumentException.class, () -> new RuleResult("r", "m", Double.NaN, null, ">", false, "d"));
        assertThrows(IllegalArgumentException.class, () -> new RuleResult("r", "m", null, Double.POSITIVE_INFINITY, ">", false, "d"));
    }

    @Test
    void ruleSetEvaluatesItsRules() {
        GateRuleSet set = GateRuleSet.parse(List.of("metrics.r2 >= 0.75"));
        assertTrue(set.evaluate(Map.of("r2", 0.9), null, null).passed());
    }

    private static Map<String, Double> mapWithNull(String key) {
        Map<String, Double> m = new HashMap<>();
        m.put(key, null);
        return m;
    }
}
