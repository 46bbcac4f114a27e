package dev.ballast.registry.store.serving;

import com.fasterxml.jackson.core.io.NumberInput;
import dev.ballast.registry.domain.serving.CapturedInputs;

import java.util.Arrays;

/**
 * Reads the {@code inputs} column of captured rows into columns, fast, for drift checks: a check over 100,000 rows of
 * 50 features parses 5,000,000 numbers, and a general JSON parser spends most of its time per row and per token
 * rather than on the numbers. This reads the one shape {@link CaptureJson#writeInputs} writes, {@code {"name":number,
 * ...}} with {@code null} for a missing value and no whitespace, from the row's characters: a name is compared with
 * the name at the same position in the previous row (rows of a model name their features in the same order, so no
 * string is made for it), and a number is parsed by Jackson's {@link NumberInput#parseDouble(char[], int, int, boolean)}
 * with FastDoubleParser, the parser the JSON path uses too, so values are the same bits. A row of any other shape (an
 * escaped name, whitespace, another token) is read by {@link CaptureJson#readInputsInto} instead, so whatever it
 * accepts or refuses stays the rule. Not thread-safe: one per reading thread.
 */
final class CaptureRowParser {
    private char[] chars = new char[2048];
    /** The previous row's names by position, reused while rows repeat them. */
    private String[] names = new String[64];
    private String[] rowNames = new String[64];
    private double[] rowValues = new double[64];
    private boolean[] rowMissing = new boolean[64];

    /** Reads one row's inputs into the columns (one new row). */
    void readInto(String json, CapturedInputs.Builder columns) {
        int fields = scan(json);
        if (fields < 0) {
            CaptureJson.readInputsInto(json, columns);
            return;
        }
        columns.startRow();
        for (int k = 0; k < fields; k++) {
            if (rowMissing[k]) {
                columns.missing(rowNames[k]);
            } else {
                columns.value(rowNames[k], rowValues[k]);
            }
        }
    }

    /** Splits the row into names and values; the number of fields, or -1 when the row is not of the fast shape. */
    private int scan(String json) {
        int len = json.length();
        if (len > chars.length) {
            chars = new char[Math.max(len, chars.length * 2)];
        }
        char[] c = chars;
        json.getChars(0, len, c, 0);
        if (len < 2 || c[0] != '{' || c[len - 1] != '}') {
            return -1;
        }
        int i = 1;
        int k = 0;
        if (c[i] == '}') {
            return i == len - 1 ? 0 : -1;
        }
        while (true) {
            if (c[i] != '"') {
                return -1;
            }
            int start = ++i;
            while (i < len && c[i] != '"') {
                if (c[i] == '\\') {
                    return -1;
                }
                i++;
            }
            if (i + 1 >= len || c[i + 1] != ':') {
                return -1;
            }
            ensure(k);
            rowNames[k] = name(k, c, start, i);
            i += 2;
            int valueStart = i;
            while (i < len && c[i] != ',' && c[i] != '}') {
                i++;
            }
            if (i == len || !value(k, c, valueStart, i)) {
                return -1;
            }
            k++;
            if (c[i] == '}') {
                return i == len - 1 ? k : -1;
            }
            i++;
        }
    }

    /** The name in {@code c[start, end)}: the previous row's string at position {@code k} when it is the same. */
    private String name(int k, char[] c, int start, int end) {
        String previous = names[k];
        int n = end - start;
        if (previous != null && previous.length() == n) {
            int j = 0;
            while (j < n && previous.charAt(j) == c[start + j]) {
                j++;
            }
            if (j == n) {
                return previous;
            }
        }
        String name = new String(c, start, n);
        names[k] = name;
        return name;
    }

    /** Reads {@code null} or a JSON number in {@code c[start, end)}. */
    private boolean value(int k, char[] c, int start, int end) {
        int n = end - start;
        if (n == 4 && c[start] == 'n' && c[start + 1] == 'u' && c[start + 2] == 'l' && c[start + 3] == 'l') {
            rowMissing[k] = true;
            return true;
        }
        // a JSON number starts with '-' or a digit and ends with a digit; FastDoubleParser also takes NaN, Infinity,
        // hexadecimal and suffixes, which JSON does not, so those go to the JSON path (which refuses them)
        if (n == 0 || !(c[start] == '-' || isDigit(c[start])) || !isDigit(c[end - 1]) || hasLetterOtherThanExponent(c, start, end)) {
            return false;
        }
        try {
            rowValues[k] = NumberInput.parseDouble(c, start, n, true);
        } catch (NumberFormatException e) {
            return false;
        }
        rowMissing[k] = false;
        return true;
    }

    private static boolean hasLetterOtherThanExponent(char[] c, int start, int end) {
        for (int i = start; i < end; i++) {
            char ch = c[i];
            if (!(isDigit(ch) || ch == '.' || ch == '-' || ch == '+' || ch == 'e' || ch == 'E')) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDigit(char ch) {
        return ch >= '0' && ch <= '9';
    }

    private void ensure(int k) {
        if (k < rowNames.length) {
            return;
        }
        int size = rowNames.length * 2;
        names = Arrays.copyOf(names, size);
        rowNames = Arrays.copyOf(rowNames, size);
        rowValues = Arrays.copyOf(rowValues, size);
        rowMissing = Arrays.copyOf(rowMissing, size);
    }
}
