package dev.ballast.registry.domain.gate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How metric keys are written in rule text: bare when that reads back unambiguously, otherwise
 * in backticks.
 *
 * <p>MLflow keys may contain letters, digits, {@code _ - . /} and spaces. A bare key runs over
 * letters, digits, {@code _ . - /}, so {@code val/loss} needs no quoting but a key with a space
 * does. Because {@code -} and {@code /} belong to bare keys, {@code champion.metrics.rmse-0.01}
 * would read as the key {@code rmse-0.01}; the parser refuses that spelling on the champion side
 * (see {@link #arithmeticOperatorIndex}) and this class backquotes such keys when writing.
 */
final class MetricKeys {
    /** MLflow's key characters less the space: {@code \w} as Unicode defines it, {@code . / -}. */
    private static final Pattern BARE_CHAR = Pattern.compile("[\\w./-]", Pattern.UNICODE_CHARACTER_CLASS);
    /**
     * A bare champion key ending in {@code -} or {@code /} and a (possibly negative) number, as
     * {@code rmse-0.01}; group 2 is the operator.
     */
    private static final Pattern ARITHMETIC_SUFFIX = Pattern.compile(
            "(.*[^-/])([-/])(-?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)");

    private MetricKeys() {
    }

    /** Whether {@code cp} may appear in a bare (unquoted) key. */
    static boolean isBareChar(int cp) {
        return cp < 128
                ? Character.isLetterOrDigit(cp) || cp == '_' || cp == '.' || cp == '-' || cp == '/'
                : BARE_CHAR.matcher(Character.toString(cp)).matches();
    }

    /**
     * Where a bare key on the champion side has what looks like an arithmetic step written without
     * spaces ({@code rmse-0.01}, {@code loss/2}): the index of the {@code -} or {@code /}, else -1.
     */
    static int arithmeticOperatorIndex(String bareKey) {
        Matcher m = ARITHMETIC_SUFFIX.matcher(bareKey);
        return m.matches() ? m.start(2) : -1;
    }

    /** {@code key} as rule text: bare when possible, else in backticks. */
    static String write(String key, boolean championSide) {
        boolean bare = !key.isEmpty() && key.codePoints().allMatch(MetricKeys::isBareChar)
                && !(championSide && arithmeticOperatorIndex(key) >= 0);
        return bare ? key : "`" + key + "`";
    }
}
