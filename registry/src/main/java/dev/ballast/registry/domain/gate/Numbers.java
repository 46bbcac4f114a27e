package dev.ballast.registry.domain.gate;

import java.math.BigDecimal;

/**
 * How gate rules and results write numbers: the shortest decimal that reads back as the same
 * double, without trailing zeros, in plain notation for everyday magnitudes and scientific
 * notation beyond them ({@code 0.75}, {@code 0.1}, {@code 1E+300}).
 *
 * <p>One formatter for both canonical rule text and result details, so that {@code 0.750} and
 * {@code 7.5e-1} are the same rule and a card shows the numbers the rule compared.
 */
final class Numbers {
    private static final int MIN_PLAIN_EXPONENT = -7;
    private static final int MAX_PLAIN_EXPONENT = 20;

    private Numbers() {
    }

    /** {@code value} as canonical text; {@code value} must be finite. */
    static String format(double value) {
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
        }
        BigDecimal d = BigDecimal.valueOf(value).stripTrailingZeros();
        if (d.signum() == 0) {
            return "0";
        }
        int exponent = d.precision() - d.scale() - 1;
        return exponent >= MIN_PLAIN_EXPONENT && exponent <= MAX_PLAIN_EXPONENT ? d.toPlainString() : d.toString();
    }
}
