package dev.ballast.registry.domain.gate;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import dev.ballast.tracking.domain.TrackingLimits;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Property tests with a seeded generator (the registry's test classpath has no jqwik): every rule
 * the generator writes parses to the intended parts, its canonical text parses back to an equal
 * rule and is a fixed point, and no input makes the parser throw anything but a 400.
 */
class GateRuleRoundTripTest {
    private static final int TRIES = 5_000;
    private static final String KEY_CHARS = "abcxyzR2_09.-/ é";
    private static final List<String> OPERATORS = List.of(">=", ">", "<=", "<", "==", "=", "!=");
    private static final List<String> SPACES = List.of("", "", " ", "  ", "\t", "\n ");
    private static final List<String> SOUP = List.of("metrics", "metric", "champion", ".", "`", "\"", "'", "r2", "val/loss", "a-1",
            "my metric", ">=", ">", "<=", "<", "=", "==", "!=", "!", "<>", "*", "/", "+", "-", "0.75", "-1e-3", "1e999", ".5", "1e",
            "NaN", "Infinity", "%", "(", ")", " ", "\t", "\u0000", "\uD800", "≥", "日本", "AND", "'x'", "");

    private final Random random = new Random(20250601L);

    @Test
    void generatedRulesParseToTheirPartsAndRoundTrip() {
        for (int i = 0; i < TRIES; i++) {
            Generated g = generate();
            GateRule rule;
            try {
                rule = GateRule.parse(g.text);
            } catch (BallastException e) {
                fail("generated rule refused: " + g.text + " -> " + e.getMessage());
                return;
            }
            assertEquals(g.metric, rule.metric(), g.text);
            assertEquals(Comparison.fromSymbol(g.operator), rule.comparison(), g.text);
            assertEquals(g.threshold, rule.threshold(), g.text);
            GateRule again = GateRule.parse(rule.expression());
            assertEquals(rule, again, g.text);
            assertEquals(rule.expression(), again.expression(), g.text);
        }
    }

    @Test
    void anyInputIsARuleOrABadRequest() {
        for (int i = 0; i < TRIES; i++) {
            String text = random.nextBoolean() ? soup() : randomText();
            try {
                GateRule rule = GateRule.parse(text);
                assertEquals(rule, GateRule.parse(rule.expression()), text);
            } catch (BallastException e) {
                assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, e.code(), text);
            } catch (RuntimeException e) {
                throw new AssertionError("unexpected " + e + " for input: " + text, e);
            }
        }
    }

    private record Generated(String text, String metric, String operator, Threshold threshold) {
    }

    private Generated generate() {
        String metric = key();
        String operator = pick(OPERATORS);
        StringBuilder text = new StringBuilder(space());
        text.append(pick(List.of("metrics", "metric", "Metrics"))).append('.').append(writeKey(metric, false))
                .append(space()).append(operator).append(space());
        Threshold threshold;
        if (random.nextInt(3) > 0) {
            String number = number();
            text.append(number);
            threshold = new Threshold.Fixed(Double.parseDouble(number));
        } else {
            String championKey = random.nextBoolean() ? metric : key();
            String written = writeKey(championKey, true);
            text.append(pick(List.of("champion", "CHAMPION"))).append('.').append(pick(List.of("metrics", "metric"))).append('.')
                    .append(written);
            Adjustment adjustment = null;
            if (random.nextBoolean()) {
                Adjustment.Op op = pick(List.of(Adjustment.Op.values()));
                String number = number();
                while (op == Adjustment.Op.DIVIDE && Double.parseDouble(number) == 0.0) {
                    number = number();
                }
                boolean bareEnd = !written.endsWith("`");
                // After a bare key, '-' and '/' need a space before them (the documented rule).
                String before = bareEnd && (op == Adjustment.Op.SUBTRACT || op == Adjustment.Op.DIVIDE) ? " " + space() : space();
                text.append(before).append(op.symbol()).append(space()).append(number);
                adjustment = new Adjustment(op, Double.parseDouble(number));
            }
            threshold = new Threshold.Champion(championKey, adjustment);
        }
        text.append(space());
        return new Generated(text.toString(), metric, operator, threshold);
    }

    /** A key MLflow accepts. */
    private String key() {
        while (true) {
            int length = 1 + random.nextInt(random.nextInt(10) == 0 ? 40 : 8);
            StringBuilder k = new StringBuilder();
            for (int i = 0; i < length; i++) {
                k.append(KEY_CHARS.charAt(random.nextInt(KEY_CHARS.length())));
            }
            String key = k.toString();
            try {
                TrackingLimits.requireKey("key", key);
                return key;
            } catch (BallastException e) {
                // not a valid MLflow key: draw again
            }
        }
    }

    private String writeKey(String key, boolean championSide) {
        String canonical = MetricKeys.write(key, championSide);
        if (canonical.startsWith("`") || random.nextInt(4) > 0) {
            if (canonical.startsWith("`")) {
                char quote = pick(List.of('`', '"', '\''));
                return quote + key + quote;
            }
            return key;
        }
        return "`" + key + "`";
    }

    private String number() {
        double magnitude = Math.pow(10, random.nextInt(25) - 12);
        double value = random.nextDouble() * magnitude * (random.nextBoolean() ? 1 : -1);
        return switch (random.nextInt(6)) {
            case 0 -> Double.toString(value);
            case 1 -> BigDecimal.valueOf(value).toPlainString();
            case 2 -> String.format(Locale.ROOT, "%e", value);
            case 3 -> Integer.toString(random.nextInt(2000) - 1000);
            case 4 -> String.format(Locale.ROOT, "%.2f", random.nextDouble());
            default -> (random.nextBoolean() ? "+" : "") + "." + random.nextInt(1000) + "E" + (random.nextInt(20) - 10);
        };
    }

    private String space() {
        return pick(SPACES);
    }

    private String soup() {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            s.append(pick(SOUP));
        }
        return s.toString();
    }

    private String randomText() {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(random.nextInt(20) == 0 ? 700 : 40);
        for (int i = 0; i < n; i++) {
            s.append((char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0x3000)));
        }
        return s.toString();
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
