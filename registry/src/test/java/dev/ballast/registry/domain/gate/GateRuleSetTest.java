package dev.ballast.registry.domain.gate;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GateRuleSetTest {

    private static String error(List<String> texts) {
        BallastException e = assertThrows(BallastException.class, () -> GateRuleSet.parse(texts));
        assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, e.code());
        return e.getMessage();
    }

    @Test
    void keepsRulesInOrderAsCanonicalText() {
        GateRuleSet set = GateRuleSet.parse(List.of("metrics.r2>=0.750", "metrics.rmse <= champion.metrics.rmse*1.02"));
        assertEquals(List.of("metrics.r2 >= 0.75", "metrics.rmse <= champion.metrics.rmse * 1.02"), set.expressions());
        assertTrue(set.usesChampion());
        assertFalse(set.isEmpty());
        assertEquals(set, GateRuleSet.parse(set.expressions()));
    }

    @Test
    void refusesTheSameRuleTwiceHoweverSpelled() {
        assertEquals("Duplicate gate rule 'metrics.r2 >= 0.75': rules 1 and 3 are the same rule.",
                error(List.of("metrics.r2 >= 0.75", "metrics.mape < 0.1", "metric.r2>=.75")));
    }

    @Test
    void differentThresholdsOnOneMetricAreAllowed() {
        assertEquals(2, GateRuleSet.parse(List.of("metrics.r2 >= 0.75", "metrics.r2 <= 0.99")).rules().size());
    }

    @Test
    void namesTheMalformedEntry() {
        String message = error(List.of("metrics.r2 >= 0.75", "metrics.mape << 0.1"));
        assertEquals("Gate rule 2 of 2: Invalid gate rule 'metrics.mape << 0.1': unknown comparison operator '<<'; expected one of "
                + ">=, >, <=, <, ==, != at position 13.", message);
        assertTrue(error(Arrays.asList("metrics.r2 >= 0.75", null)).startsWith("Gate rule 2 of 2: Invalid gate rule '': it is empty"));
    }

    @Test
    void limitsTheNumberOfRules() {
        List<String> fifty = IntStream.range(0, GateRuleSet.MAX_RULES).mapToObj(i -> "metrics.m" + i + " > 0").toList();
        assertEquals(50, GateRuleSet.parse(fifty).rules().size());
        List<String> fiftyOne = new ArrayList<>(fifty);
        fiftyOne.add("metrics.extra > 0");
        assertEquals("A model may have at most 50 gate rules; got 51.", error(fiftyOne));
    }

    @Test
    void emptySetPassesEverything() {
        assertSame(GateRuleSet.empty(), GateRuleSet.parse(List.of()));
        assertTrue(GateRuleSet.empty().isEmpty());
        assertFalse(GateRuleSet.empty().usesChampion());
        assertTrue(GateRuleSet.empty().evaluate(java.util.Map.of(), null, null).passed());
    }

    @Test
    void checksParsedRulesToo() {
        GateRule r2 = GateRule.parse("metrics.r2 >= 0.75");
        assertThrows(BallastException.class, () -> GateRuleSet.of(List.of(r2, GateRule.parse("metrics.r2 >= 7.5e-1"))));
        assertEquals(List.of(r2), GateRuleSet.of(List.of(r2)).rules());
    }
}
