package dev.ballast.registry.domain.gate;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GateRuleErrorTest {

    private static String error(String text) {
        BallastException e = assertThrows(BallastException.class, () -> GateRule.parse(text));
        assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, e.code());
        return e.getMessage();
    }

    private static void assertError(String text, String expectedMessage) {
        assertEquals(expectedMessage, error(text));
    }

    @Test
    void refusesEmptyRules() {
        for (String text : new String[] {null, "", "   ", "\t\n"}) {
            assertTrue(error(text).endsWith("it is empty; expected a rule such as metrics.r2 >= 0.75."), error(text));
        }
    }

    @Test
    void refusesRulesLongerThanTheLimit() {
        String text = "metrics.r2 >= " + "0".repeat(GateRule.MAX_LENGTH);
        assertTrue(error(text).endsWith("it is 514 characters long; the maximum is 500."), error(text));
        assertTrue(error(text).length() < 300, "the rule is shortened in the message");
    }

    @Test
    void namesThePositionAndWhatWasExpected() {
        assertError("metrics.r2 0.75",
                "Invalid gate rule 'metrics.r2 0.75': expected a comparison operator (>=, >, <=, <, ==, !=) after metrics.r2 "
                        + "but found '0.75' at position 11.");
        assertError("metrics.r2 >=",
                "Invalid gate rule 'metrics.r2 >=': expected a number or champion.metrics.<key> after '>=' but found the end of "
                        + "the rule at position 13.");
        assertError("params.lr >= 0.1",
                "Invalid gate rule 'params.lr >= 0.1': expected metrics.<key> but found 'params.lr' at position 0.");
        assertError("metrics.r2 >= 0.75 and",
                "Invalid gate rule 'metrics.r2 >= 0.75 and': expected the end of the rule but found 'and' at position 19.");
    }

    @TestFactory
    Stream<DynamicTest> reportsEachProblemAtItsPosition() {
        return Table.rows(c -> {
            String text = c[0];
            int position = Integer.parseInt(c[1]);
            String problem = c[2];
            String message = error(text);
            assertTrue(message.startsWith("Invalid gate rule '" + text + "': "), message);
            assertTrue(message.contains(problem), message);
            assertTrue(message.endsWith(" at position " + position + "."), message);
        },
            "metrics                        | 7  | expected '.' after 'metrics' but found the end of the rule",
            "metrics.                       | 8  | missing metric key after 'metrics.'",
            "metrics. r2 > 1                | 8  | expected a metric key after 'metrics.' but found ' '",
            "metrics.`my metric > 1         | 8  | unterminated backquoted key (missing closing `)",
            "metrics.`` > 1                 | 8  | empty metric key",
            "metrics.`a`b > 1               | 11 | unexpected character 'b' right after the quoted key",
            "metrics.`a%b` > 1              | 8  | 'a%b' is not a valid MLflow metric key",
            "metrics.a//b > 1               | 8  | 'a//b' is not a valid MLflow metric key",
            "champion.metrics.r2 > 1        | 0  | a rule starts with the candidate's metric",
            "1 < metrics.r2                 | 0  | expected metrics.<key> but found '1'",
            "metrics.r2 => 0.75             | 11 | unknown comparison operator '=>'; expected one of >=, >, <=, <, ==, !=",
            "metrics.r2 <> 0.75             | 11 | unknown comparison operator '<>'",
            "metrics.r2 >== 0.75            | 11 | unknown comparison operator '>=='",
            "metrics.r2 ! 0.75              | 11 | unknown comparison operator '!'",
            "metrics.r2 ≥ 0.75              | 11 | but found '≥' (write '>=' for '≥')",
            "metrics.r2 >= NaN              | 14 | NaN and infinite thresholds are not allowed; write a finite number",
            "metrics.r2 >= -Infinity        | 14 | NaN and infinite thresholds are not allowed",
            "metrics.r2 >= inf              | 14 | NaN and infinite thresholds are not allowed",
            "metrics.r2 >= 1e999            | 14 | the number '1e999' is out of range",
            "metrics.r2 >= 1e               | 14 | invalid number '1e': missing exponent digits",
            "metrics.r2 >= 1e-400           | 14 | the number '1e-400' is too small: it would be read as 0",
            "metrics.r2 >= 0.75x            | 14 | invalid number '0.75x'",
            "metrics.r2 >= 1.2.3            | 14 | invalid number '1.2.3'",
            "metrics.r2 >= 75%              | 16 | percent signs are not supported; write the fraction (10% is 0.10)",
            "metrics.r2 >= metrics.mae      | 14 | comparing two of the candidate's own metrics is not supported",
            "metrics.r2 >= best.metrics.r2  | 14 | expected a number or champion.metrics.<key> after '>=' but found 'best.metrics.r2'",
            "metrics.r2 >= 'x'              | 14 | expected a number or champion.metrics.<key> after '>=' but found '''",
            "metrics.r2 >= 0.75 * 2         | 19 | arithmetic is only supported after champion.metrics.<key>",
            "metrics.r2 >= champion         | 22 | expected '.' after 'champion' but found the end of the rule",
            "metrics.r2 >= champion.r2      | 23 | expected champion.metrics.<key> but found 'r2'",
            "metrics.r2 >= champion.metrics.r2 ^ 2  | 34 | expected one of *, /, +, - or the end of the rule after champion.metrics.r2 but found '^'",
            "metrics.r2 >= champion.metrics.r2 *    | 35 | expected a number after '*' but found the end of the rule",
            "metrics.r2 >= champion.metrics.r2 * x  | 36 | expected a number after '*' but found 'x'",
            "metrics.r2 >= champion.metrics.r2 / 0  | 36 | division by zero",
            "metrics.r2 >= champion.metrics.r2 / -0.0 | 36 | division by zero",
            "metrics.r2 >= champion.metrics.r2 * 2 + 1 | 38 | only one arithmetic step (* / + - and a number) may follow the champion's metric",
            "metrics.r2 >= champion.metrics.r2 * NaN | 36 | expected a number after '*' but found 'NaN'");
    }

    @Test
    void refusesUnspacedSubtractionOrDivisionOnTheChampionWithAdvice() {
        assertError("metrics.rmse <= champion.metrics.rmse-0.01",
                "Invalid gate rule 'metrics.rmse <= champion.metrics.rmse-0.01': 'rmse-0.01' reads as one metric key, since '-' "
                        + "and '/' may appear in keys; to subtract put spaces around the operator (champion.metrics.rmse - 0.01), "
                        + "or, if the key really is 'rmse-0.01', write it in backticks (champion.metrics.`rmse-0.01`) at position 37.");
        assertTrue(error("metrics.loss <= champion.metrics.loss/2").contains("to divide put spaces around the operator "
                + "(champion.metrics.loss / 2)"));
        assertTrue(error("metrics.rmse <= champion.metrics.rmse--0.01").contains("to subtract put spaces around the operator "
                + "(champion.metrics.rmse - -0.01)"));
        assertTrue(error("metrics.acc <= champion.metrics.top-1-5").contains("(champion.metrics.top-1 - 5)"));
    }

    @Test
    void showsControlCharactersByCodePoint() {
        assertTrue(error("metrics.\u0000 > 1").contains("but found the control character U+0000 ("), error("metrics.\u0000 > 1"));
    }

    @Test
    void refusesKeysLongerThanMlflowAllows() {
        String message = error("metrics." + "k".repeat(251) + " > 1");
        assertTrue(message.contains("the metric key is 251 characters long; MLflow allows at most 250 at position 8."), message);
    }
}
