package dev.ballast.tracking.domain.dataset.scan;

import java.nio.charset.StandardCharsets;

/**
 * Parses decimal numbers of the grammar {@code [+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?} straight from bytes. A value
 * with no point and no exponent that fits a long is an integer. Doubles with at most 18 digits, a
 * mantissa up to 2^53 and a small decimal exponent are computed exactly with one correctly rounded multiplication or
 * division (Clinger's fast path); anything else falls back to {@link Double#parseDouble}, so results always equal it.
 * Not thread-safe: the value of the last parse is kept in fields to avoid allocating.
 */
final class NumberParser {
    static final int NONE = 0;
    static final int INTEGER = 1;
    static final int DOUBLE = 2;

    private static final int MAX_DIGITS = 18;
    private static final long MAX_EXACT_MANTISSA = 1L << 53;
    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22};
    private static final long[] LONG_POW10 = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L,
        10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L, 10_000_000_000_000L, 100_000_000_000_000L,
        1_000_000_000_000_000L};

    /** The value of the last parse that returned {@link #INTEGER}. */
    long longValue;
    /** The value of the last parse that returned {@link #DOUBLE} (may be infinite on overflow, e.g. 1e999). */
    double doubleValue;

    /** Parses {@code b[off, off+len)}; returns {@link #NONE} when it is not a number of the grammar. */
    int parse(byte[] b, int off, int len) {
        // fast path: [+-]?digits or [+-]?digits.digits, 18 digits at most, no exponent
        int i = off;
        int end = off + len;
        boolean negative = false;
        int c = b[i];
        if (c == '-' || c == '+') {
            negative = c == '-';
            i++;
        }
        long mantissa = 0;
        int intStart = i;
        int d;
        while (i < end && (d = b[i] - '0') >= 0 && d <= 9) {
            mantissa = mantissa * 10 + d;
            i++;
        }
        int intDigits = i - intStart;
        if (i == end) {
            if (intDigits == 0 || intDigits > MAX_DIGITS) {
                return general(b, off, len);
            }
            longValue = negative ? -mantissa : mantissa;
            return INTEGER;
        }
        if (b[i] != '.') {
            return general(b, off, len);
        }
        int fracStart = ++i;
        while (i < end && (d = b[i] - '0') >= 0 && d <= 9) {
            mantissa = mantissa * 10 + d;
            i++;
        }
        int fraction = i - fracStart;
        int digits = intDigits + fraction;
        if (i != end || digits == 0 || digits > MAX_DIGITS || mantissa > MAX_EXACT_MANTISSA || fraction > 22) {
            return general(b, off, len);
        }
        double v = (double) mantissa / POW10[fraction];
        doubleValue = negative ? -v : v;
        return DOUBLE;
    }

    /** Any number of the grammar: exponents, many digits, and the exact fallback to the JDK. */
    private int general(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        if (len == 0) {
            return NONE;
        }
        boolean negative = false;
        int c = b[i];
        if (c == '-' || c == '+') {
            negative = c == '-';
            if (++i == end) {
                return NONE;
            }
        }
        // digits accumulate into the mantissa unchecked: with at most 18 digits in all it cannot overflow
        long mantissa = 0;
        int intStart = i;
        int d;
        while (i < end && (d = b[i] - '0') >= 0 && d <= 9) {
            mantissa = mantissa * 10 + d;
            i++;
        }
        int digits = i - intStart;
        int fractionDigits = 0;
        boolean integral = true;
        if (i < end && b[i] == '.') {
            integral = false;
            int fracStart = ++i;
            while (i < end && (d = b[i] - '0') >= 0 && d <= 9) {
                mantissa = mantissa * 10 + d;
                i++;
            }
            fractionDigits = i - fracStart;
            digits += fractionDigits;
        }
        if (digits == 0) {
            return NONE;
        }
        long exponent = 0;
        if (i < end && (b[i] | 0x20) == 'e') {
            integral = false;
            if (++i == end) {
                return NONE;
            }
            boolean expNegative = false;
            c = b[i];
            if (c == '-' || c == '+') {
                expNegative = c == '-';
                if (++i == end) {
                    return NONE;
                }
            }
            int expStart = i;
            while (i < end && (d = b[i] - '0') >= 0 && d <= 9) {
                if (exponent < 1_000_000_000L) {
                    exponent = exponent * 10 + d;
                }
                i++;
            }
            if (i == expStart) {
                return NONE;
            }
            if (expNegative) {
                exponent = -exponent;
            }
        }
        if (i != end) {
            return NONE;
        }
        if (digits > MAX_DIGITS) {
            return integral ? slowInteger(b, off, len) : slowDouble(b, off, len);
        }
        if (integral) {
            longValue = negative ? -mantissa : mantissa;
            return INTEGER;
        }
        if (mantissa <= MAX_EXACT_MANTISSA) {
            long e10 = exponent - fractionDigits;
            double v;
            if (mantissa == 0) {
                v = 0.0;
            } else if (e10 >= 0 && e10 <= 22) {
                v = (double) mantissa * POW10[(int) e10];
            } else if (e10 < 0 && e10 >= -22) {
                v = (double) mantissa / POW10[(int) -e10];
            } else if (e10 > 22 && e10 <= 22 + 15 && mantissa <= MAX_EXACT_MANTISSA / LONG_POW10[(int) (e10 - 22)]) {
                v = (double) (mantissa * LONG_POW10[(int) (e10 - 22)]) * 1e22;
            } else {
                return slowDouble(b, off, len);
            }
            doubleValue = negative ? -v : v;
            return DOUBLE;
        }
        return slowDouble(b, off, len);
    }

    private int slowInteger(byte[] b, int off, int len) {
        String s = new String(b, off, len, StandardCharsets.ISO_8859_1);
        try {
            longValue = Long.parseLong(s);
            return INTEGER;
        } catch (NumberFormatException tooLarge) {
            doubleValue = Double.parseDouble(s);
            return DOUBLE;
        }
    }

    private int slowDouble(byte[] b, int off, int len) {
        doubleValue = Double.parseDouble(new String(b, off, len, StandardCharsets.ISO_8859_1));
        return DOUBLE;
    }
}
