package dev.ballast.tracking.domain.dataset.scan;

/**
 * Classifies a CSV field from its bytes: missing token, boolean, integer, double, infinity or string. The tokens are
 * those users send: missing as empty, NA, N/A, NaN, nan, null, NULL, None; booleans as true/True/TRUE/false/False/FALSE;
 * infinities as inf, -inf, Infinity, -Infinity. Dispatches on the first byte so strings cost one comparison.
 */
final class FieldClassifier {
    static final int MISSING = 0;
    static final int TRUE = 1;
    static final int FALSE = 2;
    static final int INTEGER = 3;
    static final int DOUBLE = 4;
    static final int INFINITE = 5;
    static final int STRING = 6;

    private static final byte[][] MISSING_N = tokens("NA", "N/A", "NaN", "nan", "null", "NULL", "None");
    private static final byte[][] TRUE_TOKENS = tokens("true", "True", "TRUE");
    private static final byte[][] FALSE_TOKENS = tokens("false", "False", "FALSE");
    private static final byte[] INF = "inf".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] INFINITY = "Infinity".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final NumberParser numbers = new NumberParser();

    /** The integer of the last {@link #INTEGER} result. */
    long longValue() {
        return numbers.longValue;
    }

    /** The value of the last {@link #DOUBLE} or {@link #INFINITE} result. */
    double doubleValue() {
        return numbers.doubleValue;
    }

    int classify(byte[] b, int off, int len) {
        if (len == 0) {
            return MISSING;
        }
        int c = b[off];
        if ((c >= '0' && c <= '9') || c == '.' || c == '+'
                || (c == '-' && (len == 1 || (b[off + 1] != 'i' && b[off + 1] != 'I')))) {
            return number(b, off, len);
        }
        return word(b, off, len, c);
    }

    /** Fields that do not start like a number: missing tokens, booleans, infinities, strings. */
    private int word(byte[] b, int off, int len, int c) {
        switch (c) {
            case '-':
                if (infinity(b, off + 1, len - 1)) {
                    numbers.doubleValue = Double.NEGATIVE_INFINITY;
                    return INFINITE;
                }
                return STRING;
            case 'i', 'I':
                if (infinity(b, off, len)) {
                    numbers.doubleValue = Double.POSITIVE_INFINITY;
                    return INFINITE;
                }
                return STRING;
            case 'N', 'n':
                return any(MISSING_N, b, off, len) ? MISSING : STRING;
            case 't', 'T':
                return any(TRUE_TOKENS, b, off, len) ? TRUE : STRING;
            case 'f', 'F':
                return any(FALSE_TOKENS, b, off, len) ? FALSE : STRING;
            default:
                return STRING;
        }
    }

    /** True when the field is one of the missing tokens; the cheap check of columns already known to be strings. */
    static boolean isMissing(byte[] b, int off, int len) {
        if (len == 0) {
            return true;
        }
        int c = b[off];
        return (c == 'N' || c == 'n') && len <= 4 && any(MISSING_N, b, off, len);
    }

    private int number(byte[] b, int off, int len) {
        int kind = numbers.parse(b, off, len);
        if (kind == NumberParser.INTEGER) {
            return INTEGER;
        }
        if (kind == NumberParser.DOUBLE) {
            return Double.isInfinite(numbers.doubleValue) ? INFINITE : DOUBLE;
        }
        return STRING;
    }

    private static boolean infinity(byte[] b, int off, int len) {
        return equal(INF, b, off, len) || equal(INFINITY, b, off, len);
    }

    private static boolean any(byte[][] tokens, byte[] b, int off, int len) {
        for (byte[] t : tokens) {
            if (equal(t, b, off, len)) {
                return true;
            }
        }
        return false;
    }

    private static boolean equal(byte[] token, byte[] b, int off, int len) {
        if (token.length != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (token[i] != b[off + i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[][] tokens(String... values) {
        byte[][] out = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
        return out;
    }
}
