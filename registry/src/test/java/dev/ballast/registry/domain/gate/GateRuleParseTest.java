package dev.ballast.registry.domain.gate;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GateRuleParseTest {

    @Test
    void readsAFixedThreshold() {
        GateRule rule = GateRule.parse("metrics.r2 >= 0.75");
        assertEquals("r2", rule.metric());
        assertEquals(Comparison.GREATER_OR_EQUAL, rule.comparison());
        assertEquals(new Threshold.Fixed(0.75), rule.threshold());
        assertFalse(rule.usesChampion());
        assertEquals("metrics.r2 >= 0.75", rule.expression());
        assertEquals("metrics.r2 >= 0.75", rule.toString());
    }

    @TestFactory
    Stream<DynamicTest> readsEveryComparison() {
        return Table.rows(c -> {
            String text = c[0];
            Comparison expected = Comparison.valueOf(c[1]);
            String canonical = c[2];
            GateRule rule = GateRule.parse(text);
            assertEquals(expected, rule.comparison());
            assertEquals(canonical, rule.expression());
        },
            "metrics.a >= 1   | GREATER_OR_EQUAL | metrics.a >= 1",
            "metrics.a > 1    | GREATER          | metrics.a > 1",
            "metrics.a <= 1   | LESS_OR_EQUAL    | metrics.a <= 1",
            "metrics.a < 1    | LESS             | metrics.a < 1",
            "metrics.a == 1   | EQUAL            | metrics.a == 1",
            "metrics.a = 1    | EQUAL            | metrics.a == 1",
            "metrics.a != 1   | NOT_EQUAL        | metrics.a != 1");
    }

    @TestFactory
    Stream<DynamicTest> readsNumbersInEveryNotation() {
        return Table.rows(c -> {
            String number = c[0];
            String canonical = c[1];
            GateRule rule = GateRule.parse("metrics.x < " + number);
            assertEquals(Double.parseDouble(number), ((Threshold.Fixed) rule.threshold()).value(), 0.0);
            assertEquals("metrics.x < " + canonical, rule.expression());
        },
            "0.75      | 0.75",
            "0.750     | 0.75",
            ".75       | 0.75",
            "7.5e-1    | 0.75",
            "75E-2     | 0.75",
            "+0.75     | 0.75",
            "-0.5      | -0.5",
            "-.5       | -0.5",
            "10        | 10",
            "10.       | 10",
            "1e3       | 1000",
            "1.5E+3    | 1500",
            "0         | 0",
            "-0        | 0",
            "0.0e-400  | 0",
            "1e-5      | 0.00001",
            "1e-8      | 1E-8",
            "2.5e25    | 2.5E+25",
            "1e300     | 1E+300",
            "-1.7976931348623157e308 | -1.7976931348623157E+308");
    }

    @Test
    void ignoresWhitespaceBetweenParts() {
        GateRule compact = GateRule.parse("metrics.r2>=0.75");
        GateRule spaced = GateRule.parse("  \tmetrics.r2 \n >=   0.75  ");
        assertEquals("metrics.r2 >= 0.75", compact.expression());
        assertEquals(compact, spaced);
        assertEquals(compact.hashCode(), spaced.hashCode());
    }

    @Test
    void acceptsMlflowsMetricAliasAndAnyCaseForWords() {
        assertEquals("metrics.r2 >= 0.75", GateRule.parse("metric.r2 >= 0.75").expression());
        assertEquals("metrics.r2 >= 0.75", GateRule.parse("METRICS.r2 >= 0.75").expression());
        assertEquals("metrics.rmse <= champion.metrics.rmse",
                GateRule.parse("metrics.rmse <= Champion.Metric.rmse").expression());
    }

    @Test
    void keysAreCaseSensitive() {
        assertNotEquals(GateRule.parse("metrics.R2 >= 0.75"), GateRule.parse("metrics.r2 >= 0.75"));
        assertEquals("R2", GateRule.parse("metrics.R2 >= 0.75").metric());
    }

    @Test
    void readsBareKeysWithMlflowPunctuation() {
        assertEquals("val/loss", GateRule.parse("metrics.val/loss < 0.3").metric());
        assertEquals("top-5.acc", GateRule.parse("metrics.top-5.acc >= 0.9").metric());
        assertEquals("metrics.val/loss < 0.3", GateRule.parse("metrics.val/loss<0.3").expression());
        assertEquals("précision", GateRule.parse("metrics.précision >= 0.8").metric());
    }

    @Test
    void readsQuotedKeysAndWritesThemInBackticks() {
        GateRule rule = GateRule.parse("metrics.`my metric` >= 0.5");
        assertEquals("my metric", rule.metric());
        assertEquals("metrics.`my metric` >= 0.5", rule.expression());
        assertEquals(rule, GateRule.parse("metrics.\"my metric\">=0.5"));
        assertEquals(rule, GateRule.parse("metrics.'my metric' >= 0.5"));
        assertEquals("metrics.r2 >= 0.5", GateRule.parse("metrics.`r2` >= 0.5").expression());
    }

    @Test
    void readsAChampionComparison() {
        GateRule rule = GateRule.parse("metrics.rmse <= champion.metrics.rmse");
        assertTrue(rule.usesChampion());
        Threshold.Champion champion = assertInstanceOf(Threshold.Champion.class, rule.threshold());
        assertEquals("rmse", champion.metric());
        assertNull(champion.adjustment());
        assertEquals("metrics.rmse <= champion.metrics.rmse", rule.expression());
    }

    @TestFactory
    Stream<DynamicTest> readsOneArithmeticStepOnTheChampion() {
        return Table.rows(c -> {
            String rhs = c[0];
            Adjustment.Op op = Adjustment.Op.valueOf(c[1]);
            double operand = Double.parseDouble(c[2]);
            String canonicalRhs = c[3];
            GateRule rule = GateRule.parse("metrics.rmse <= " + rhs);
            Threshold.Champion champion = (Threshold.Champion) rule.threshold();
            assertEquals(new Adjustment(op, operand), champion.adjustment());
            assertEquals("metrics.rmse <= " + canonicalRhs, rule.expression());
            assertEquals(rule, GateRule.parse(rule.expression()));
        },
            "champion.metrics.rmse * 1.02    | MULTIPLY | 1.02 | champion.metrics.rmse * 1.02",
            "champion.metrics.rmse*1.02      | MULTIPLY | 1.02 | champion.metrics.rmse * 1.02",
            "champion.metrics.rmse / 2       | DIVIDE   | 2    | champion.metrics.rmse / 2",
            "champion.metrics.rmse + 0.01    | ADD      | 0.01 | champion.metrics.rmse + 0.01",
            "champion.metrics.rmse+1e-2      | ADD      | 0.01 | champion.metrics.rmse + 0.01",
            "champion.metrics.rmse - 0.01    | SUBTRACT | 0.01 | champion.metrics.rmse - 0.01",
            "champion.metrics.rmse -0.01     | SUBTRACT | 0.01 | champion.metrics.rmse - 0.01",
            "champion.metrics.rmse - -0.01   | SUBTRACT | -0.01 | champion.metrics.rmse - -0.01",
            "champion.metrics.`rmse`-0.01    | SUBTRACT | 0.01 | champion.metrics.rmse - 0.01",
            "champion.metrics.`val/loss`/2   | DIVIDE   | 2    | champion.metrics.val/loss / 2");
    }

    @Test
    void championMayNameAnotherMetric() {
        GateRule rule = GateRule.parse("metrics.mae_v2 <= champion.metrics.mae");
        assertEquals("mae_v2", rule.metric());
        assertEquals("mae", ((Threshold.Champion) rule.threshold()).metric());
    }

    @Test
    void writesChampionKeysThatLookLikeArithmeticInBackticks() {
        GateRule rule = GateRule.parse("metrics.top-5 >= champion.metrics.`top-5`");
        assertEquals("top-5", ((Threshold.Champion) rule.threshold()).metric());
        assertEquals("metrics.top-5 >= champion.metrics.`top-5`", rule.expression());
        assertEquals(rule, GateRule.parse(rule.expression()));
    }

    @Test
    void acceptsTheLongestAllowedRule() {
        String key = "k".repeat(250);
        String text = "metrics." + key + " >= " + " ".repeat(GateRule.MAX_LENGTH - 250 - 8 - 4 - 1) + "1";
        assertEquals(GateRule.MAX_LENGTH, text.length());
        assertEquals(key, GateRule.parse(text).metric());
    }
}
