package dev.ballast.tracking.domain.dataset.scan;

import java.nio.charset.StandardCharsets;

/**
 * Parses decimal numbers of the grammar {@code [+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?} straight from bytes. A value
 * with no point and no exponent that fits a long is an integer. Digits are read eight at a time (SWAR) for the common
 * shapes. Doubles with at most 18 digits, a mantissa up to 2^53 and a small decimal exponent are computed exactly with
 * one correctly rounded multiplication or division (Clinger's fast path); anything else falls back to
 * {@link Double#parseDouble}, so results always equal it.
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

    /**
     * Parses {@code b[off, off+len)}; returns {@link #NONE} when it is not a number of the grammar. The common shapes
     * ({@code [+-]?digits} with up to 16 digits, {@code [+-]?digits.digits} with up to 7 decimals) are parsed 8 bytes
     * at a time without a loop per digit (whose mispredicted exits would dominate); anything else goes to
     * {@link #general}.
     */
    int parse(byte[] b, int off, int len) {
        int end = off + len;
        if (len == 0 || end + 8 > b.length) {
            return general(b, off, len);
        }
        int i = off;
        boolean negative = false;
        int c = b[i];
        if (c == '-' || c == '+') {
            negative = c == '-';
            i++;
        }
        long w = (long) Bytes.LONG.get(b, i);
        int k = Math.min(digitCount(w), end - i);
        long mantissa = eightDigits(w, k);
        i += k;
        int intDigits = k;
        if (k == 8) {
            w = (long) Bytes.LONG.get(b, i);
            k = Math.min(digitCount(w), end - i);
            if (k == 8) {
                return general(b, off, len);
            }
            mantissa = mantissa * LONG_POW10[k] + eightDigits(w, k);
            i += k;
            intDigits += k;
        }
        if (i == end) {
            if (intDigits == 0) {
                return general(b, off, len);
            }
            longValue = negative ? -mantissa : mantissa;
            return INTEGER;
        }
        if (b[i] != '.') {
            return general(b, off, len);
        }
        i++;
        w = (long) Bytes.LONG.get(b, i);
        k = Math.min(digitCount(w), end - i);
        i += k;
        if (i != end || k == 8 || intDigits + k == 0 || intDigits + k > MAX_DIGITS) {
            return general(b, off, len);
        }
        mantissa = mantissa * LONG_POW10[k] + eightDigits(w, k);
        if (mantissa > MAX_EXACT_MANTISSA) {
            return general(b, off, len);
        }
        double v = (double) mantissa / POW10[k];
        doubleValue = negative ? -v : v;
        return DOUBLE;
    }

    /** How many of the 8 bytes of {@code w} (first byte lowest) are ASCII digits before the first that is not. */
    static int digitCount(long w) {
        long x = (w & 0xF0F0F0F0F0F0F0F0L) ^ 0x3030303030303030L;
        long y = ((w + 0x0606060606060606L) & 0xF0F0F0F0F0F0F0F0L) ^ 0x3030303030303030L;
        long z = x | y;
        long nonDigit = (((z & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL) | z) & 0x8080808080808080L;
        return Long.numberOfTrailingZeros(nonDigit) >>> 3;
    }

    /** The value of the first {@code k} (0 to 8) bytes of {@code w}, all ASCII digits, first byte most significant. */
    static long eightDigits(long w, int k) {
        if (k == 0) {
            return 0;
        }
        long v = k == 8 ? w : (w << (64 - 8 * k)) | (0x3030303030303030L >>> (8 * k));
        v -= 0x3030303030303030L;
        v = v * 10 + (v >>> 8);
        return (((v & 0x000000FF000000FFL) * (100 + (1000000L << 32)))
                + (((v >>> 16) & 0x000000FF000000FFL) * (1 + (10000L << 32)))) >>> 32;
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
