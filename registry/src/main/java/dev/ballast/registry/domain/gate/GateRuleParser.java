package dev.ballast.registry.domain.gate;

import dev.ballast.core.error.BallastException;
import dev.ballast.tracking.domain.TrackingLimits;

import java.util.List;
import java.util.Locale;

/**
 * Reads the text of one gate rule; a hand-written recursive-descent parser over characters,
 * because the grammar is small and which characters form a metric key depends on where the
 * parser stands.
 *
 * <pre>
 * rule       := metric comparison threshold END
 * metric     := ("metrics" | "metric") "." key
 * comparison := "&gt;=" | "&gt;" | "&lt;=" | "&lt;" | "==" | "=" | "!="
 * threshold  := number | champion [ ("*" | "/" | "+" | "-") number ]
 * champion   := "champion" "." ("metrics" | "metric") "." key
 * key        := bare | "`" chars "`" | '"' chars '"' | "'" chars "'"
 * bare       := one or more of: letters, digits, "_", ".", "-", "/"
 * number     := ["+" | "-"] (digits ["." digits*] | "." digits) [("e" | "E") ["+" | "-"] digits]
 * </pre>
 *
 * <p>Whitespace may stand between the parts but not inside a dotted reference or a number. The
 * words {@code metrics}, {@code metric} and {@code champion} are case-insensitive; keys are not.
 * A key must be one MLflow accepts ({@link TrackingLimits#requireKey}).
 */
final class GateRuleParser {
    private static final String OPERATORS = ">=, >, <=, <, ==, !=";
    private static final List<String> NON_FINITE = List.of("nan", "inf", "infinity");

    private final String src;
    private int pos;

    private GateRuleParser(String src) {
        this.src = src;
    }

    /** @throws BallastException (INVALID_PARAMETER_VALUE) for any malformed rule */
    static GateRule parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw BallastException.invalid("Invalid gate rule '" + (expression == null ? "" : expression)
                    + "': it is empty; expected a rule such as metrics.r2 >= 0.75.");
        }
        if (expression.length() > GateRule.MAX_LENGTH) {
            throw GateSyntaxErrors.of(expression, "it is " + expression.length() + " characters long; the maximum is "
                    + GateRule.MAX_LENGTH);
        }
        return new GateRuleParser(expression).rule();
    }

    private GateRule rule() {
        skipWhitespace();
        String metric = metricReference(false);
        skipWhitespace();
        Comparison comparison = comparison(metric);
        skipWhitespace();
        Threshold threshold = threshold(comparison);
        skipWhitespace();
        if (pos < src.length()) {
            throw error(pos, trailingProblem(threshold));
        }
        return new GateRule(metric, comparison, threshold);
    }

    /** {@code metrics.<key>}; on the champion side the caller has consumed {@code champion.}. */
    private String metricReference(boolean championSide) {
        String expected = championSide ? "champion.metrics.<key>" : "metrics.<key>";
        int start = pos;
        String word = readWord();
        String lower = word.toLowerCase(Locale.ROOT);
        if (!lower.equals("metrics") && !lower.equals("metric")) {
            if (!championSide && lower.equals("champion")) {
                throw error(start, "a rule starts with the candidate's metric (metrics.<key>); champion.metrics.<key> may only "
                        + "appear after the comparison operator");
            }
            throw error(start, "expected " + expected + " but found " + found(start));
        }
        expectDot(word);
        return key(championSide ? "champion.metrics." : "metrics.", championSide);
    }

    private String key(String prefix, boolean championSide) {
        int start = pos;
        if (pos >= src.length()) {
            throw error(start, "missing metric key after '" + prefix + "'");
        }
        char c = src.charAt(pos);
        String key;
        boolean bare = !(c == '`' || c == '"' || c == '\'');
        if (bare) {
            key = readBareKey();
            if (key.isEmpty()) {
                throw error(start, "expected a metric key after '" + prefix + "' but found " + found(start)
                        + " (write keys with spaces or other characters in backticks: " + prefix + "`my metric`)");
            }
        } else {
            key = readQuotedKey();
            if (pos < src.length() && MetricKeys.isBareChar(src.codePointAt(pos)) && src.charAt(pos) != '-' && src.charAt(pos) != '/') {
                throw error(pos, "unexpected character " + found(pos) + " right after the quoted key");
            }
        }
        validateKey(key, start);
        int op = bare && championSide ? MetricKeys.arithmeticOperatorIndex(key) : -1;
        if (op >= 0) {
            String base = key.substring(0, op);
            char symbol = key.charAt(op);
            throw error(start + op, "'" + key + "' reads as one metric key, since '-' and '/' may appear in keys; "
                    + "to " + (symbol == '-' ? "subtract" : "divide") + " put spaces around the operator ("
                    + prefix + base + " " + symbol + " " + key.substring(op + 1) + "), or, if the key really is '" + key
                    + "', write it in backticks (" + prefix + "`" + key + "`)");
        }
        return key;
    }

    private String readBareKey() {
        int start = pos;
        while (pos < src.length() && MetricKeys.isBareChar(src.codePointAt(pos))) {
            pos += Character.charCount(src.codePointAt(pos));
        }
        return src.substring(start, pos);
    }

    private String readQuotedKey() {
        int start = pos;
        char quote = src.charAt(pos++);
        int close = src.indexOf(quote, pos);
        if (close < 0) {
            String name = quote == '`' ? "backquoted key" : "quoted key";
            throw error(start, "unterminated " + name + " (missing closing " + quote + ")");
        }
        String key = src.substring(pos, close);
        pos = close + 1;
        if (key.isEmpty()) {
            throw error(start, "empty metric key");
        }
        return key;
    }

    /** MLflow's key rules, so a rule never names a metric no run could have logged. */
    private void validateKey(String key, int start) {
        if (key.length() > TrackingLimits.MAX_KEY_LENGTH) {
            throw error(start, "the metric key is " + key.length() + " characters long; MLflow allows at most "
                    + TrackingLimits.MAX_KEY_LENGTH);
        }
        try {
            TrackingLimits.requireKey("key", key);
        } catch (BallastException e) {
            throw error(start, "'" + GateSyntaxErrors.shorten(key) + "' is not a valid MLflow metric key (" + e.getMessage() + ")");
        }
    }

    private Comparison comparison(String metric) {
        int start = pos;
        while (pos < src.length() && "<>=!".indexOf(src.charAt(pos)) >= 0) {
            pos++;
        }
        String symbol = src.substring(start, pos);
        if (symbol.isEmpty()) {
            String hint = unicodeComparisonHint(start);
            throw error(start, "expected a comparison operator (" + OPERATORS + ") after metrics." + MetricKeys.write(metric, false)
                    + " but found " + found(start) + hint);
        }
        Comparison comparison = Comparison.fromSymbol(symbol);
        if (comparison == null) {
            throw error(start, "unknown comparison operator '" + symbol + "'; expected one of " + OPERATORS);
        }
        return comparison;
    }

    private String unicodeComparisonHint(int at) {
        if (at >= src.length()) {
            return "";
        }
        return switch (src.charAt(at)) {
            case '≥' -> " (write '>=' for '≥')";
            case '≤' -> " (write '<=' for '≤')";
            case '≠' -> " (write '!=' for '≠')";
            default -> "";
        };
    }

    private Threshold threshold(Comparison comparison) {
        int start = pos;
        String expected = "expected a number or champion.metrics.<key> after '" + comparison.symbol() + "'";
        if (startsNumber()) {
            return new Threshold.Fixed(number());
        }
        if (pos < src.length() && (src.charAt(pos) == '-' || src.charAt(pos) == '+')) {
            pos++;
        }
        String word = readWord();
        String lower = word.toLowerCase(Locale.ROOT);
        if (NON_FINITE.contains(lower)) {
            throw error(start, "NaN and infinite thresholds are not allowed; write a finite number");
        }
        if (word.isEmpty() || pos > start + word.length()) {
            throw error(start, expected + " but found " + found(start));
        }
        if (lower.equals("metrics") || lower.equals("metric")) {
            throw error(start, "the threshold must be a number or champion.metrics.<key>; comparing two of the candidate's "
                    + "own metrics is not supported");
        }
        if (!lower.equals("champion")) {
            throw error(start, expected + " but found " + found(start));
        }
        expectDot(word);
        String metric = metricReference(true);
        return new Threshold.Champion(metric, adjustment(metric));
    }

    private Adjustment adjustment(String championMetric) {
        skipWhitespace();
        if (pos >= src.length()) {
            return null;
        }
        int at = pos;
        Adjustment.Op op = Adjustment.Op.fromSymbol(src.charAt(pos));
        if (op == null) {
            throw error(at, "expected one of *, /, +, - or the end of the rule after champion.metrics."
                    + MetricKeys.write(championMetric, true) + " but found " + found(at));
        }
        pos++;
        skipWhitespace();
        if (!startsNumber()) {
            throw error(pos, "expected a number after '" + op.symbol() + "' but found " + found(pos));
        }
        int numberAt = pos;
        double operand = number();
        if (op == Adjustment.Op.DIVIDE && operand == 0.0) {
            throw error(numberAt, "division by zero");
        }
        return new Adjustment(op, operand);
    }

    private String trailingProblem(Threshold threshold) {
        char c = src.charAt(pos);
        if (c == '%') {
            return "percent signs are not supported; write the fraction (10% is 0.10)";
        }
        if (Adjustment.Op.fromSymbol(c) != null) {
            return threshold instanceof Threshold.Champion champion && champion.adjustment() != null
                    ? "only one arithmetic step (* / + - and a number) may follow the champion's metric"
                    : "arithmetic is only supported after champion.metrics.<key>";
        }
        return "expected the end of the rule but found " + found(pos);
    }

    private boolean startsNumber() {
        int i = pos;
        if (i < src.length() && (src.charAt(i) == '-' || src.charAt(i) == '+')) {
            i++;
        }
        if (i < src.length() && isDigit(src.charAt(i))) {
            return true;
        }
        return i + 1 < src.length() && src.charAt(i) == '.' && isDigit(src.charAt(i + 1));
    }

    /** Reads a number literal; the caller has checked {@link #startsNumber()}. */
    private double number() {
        int start = pos;
        if (src.charAt(pos) == '-' || src.charAt(pos) == '+') {
            pos++;
        }
        skipDigits();
        if (pos < src.length() && src.charAt(pos) == '.') {
            pos++;
            skipDigits();
        }
        if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            pos++;
            if (pos < src.length() && (src.charAt(pos) == '-' || src.charAt(pos) == '+')) {
                pos++;
            }
            if (pos >= src.length() || !isDigit(src.charAt(pos))) {
                throw error(start, "invalid number '" + src.substring(start, pos) + "': missing exponent digits");
            }
            skipDigits();
        }
        if (pos < src.length() && MetricKeys.isBareChar(src.codePointAt(pos)) && src.charAt(pos) != '-' && src.charAt(pos) != '/') {
            int end = pos;
            while (end < src.length() && MetricKeys.isBareChar(src.codePointAt(end))) {
                end += Character.charCount(src.codePointAt(end));
            }
            throw error(start, "invalid number '" + GateSyntaxErrors.shorten(src.substring(start, end)) + "'");
        }
        String text = src.substring(start, pos);
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw error(start, "the number '" + GateSyntaxErrors.shorten(text) + "' is out of range");
        }
        if (value == 0.0 && text.split("[eE]")[0].chars().anyMatch(c -> c >= '1' && c <= '9')) {
            throw error(start, "the number '" + GateSyntaxErrors.shorten(text) + "' is too small: it would be read as 0");
        }
        return value;
    }

    private void expectDot(String after) {
        if (pos >= src.length() || src.charAt(pos) != '.') {
            throw error(pos, "expected '.' after '" + after + "' but found " + found(pos));
        }
        pos++;
    }

    /** A run of ASCII letters, digits and underscores (the words of the grammar); empty if none. */
    private String readWord() {
        int start = pos;
        while (pos < src.length() && isWordChar(src.charAt(pos))) {
            pos++;
        }
        return src.substring(start, pos);
    }

    private void skipDigits() {
        while (pos < src.length() && isDigit(src.charAt(pos))) {
            pos++;
        }
    }

    private void skipWhitespace() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
    }

    /** What stands at {@code at}, for messages: a run of key characters or one character, quoted. */
    private String found(int at) {
        if (at >= src.length()) {
            return "the end of the rule";
        }
        int cp = src.codePointAt(at);
        if (Character.isISOControl(cp) && !Character.isWhitespace(cp)) {
            return String.format("the control character U+%04X", cp);
        }
        int end = at + Character.charCount(cp);
        if (MetricKeys.isBareChar(cp)) {
            while (end < src.length() && MetricKeys.isBareChar(src.codePointAt(end))) {
                end += Character.charCount(src.codePointAt(end));
            }
        }
        return "'" + GateSyntaxErrors.shorten(src.substring(at, end)) + "'";
    }

    private BallastException error(int position, String problem) {
        return GateSyntaxErrors.at(src, position, problem);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '_';
    }
}
