package dev.ballast.tracking.domain.dataset.scan;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The byte-level number parser agrees exactly with Long.parseLong and Double.parseDouble. */
class NumberParserTest {
    private static final Pattern GRAMMAR = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    /** Parses {@code text} placed at {@code offset} in a buffer followed by {@code padding} bytes of digits. */
    private static NumberParser parse(String text, int offset, int padding, int[] kind) {
        byte[] t = text.getBytes(StandardCharsets.ISO_8859_1);
        byte[] buf = new byte[offset + t.length + padding];
        java.util.Arrays.fill(buf, (byte) '7');
        System.arraycopy(t, 0, buf, offset, t.length);
        NumberParser p = new NumberParser();
        kind[0] = p.parse(buf, offset, t.length);
        return p;
    }

    private static void assertAgreesWithJdk(String text, int offset, int padding) {
        int[] kind = new int[1];
        NumberParser p = parse(text, offset, padding, kind);
        if (!GRAMMAR.matcher(text).matches()) {
            assertEquals(NumberParser.NONE, kind[0], text);
            return;
        }
        if (INTEGER.matcher(text).matches()) {
            Long exact = null;
            try {
                exact = Long.parseLong(text);
            } catch (NumberFormatException tooLarge) {
                // a double then
            }
            if (exact != null) {
                assertEquals(NumberParser.INTEGER, kind[0], text);
                assertEquals(exact.longValue(), p.longValue, text);
                return;
            }
        }
        assertEquals(NumberParser.DOUBLE, kind[0], text);
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)), Double.doubleToRawLongBits(p.doubleValue), text);
    }

    @Provide
    Arbitrary<String> numbers() {
        Arbitrary<String> sign = Arbitraries.of("", "", "-", "+");
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(24);
        Arbitrary<String> fraction = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.strings().numeric().ofMaxLength(20).map(s -> "." + s));
        Arbitrary<String> exponent = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just(""),
                Combinators.combine(Arbitraries.of("e", "E"), Arbitraries.of("", "+", "-"),
                        Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(4)).as((e, s, d) -> e + s + d));
        return Combinators.combine(sign, digits, fraction, exponent).as((s, d, f, e) -> s + d + f + e);
    }

    @Property(tries = 3000)
    void agreesWithTheJdk(@ForAll("numbers") String text, @ForAll @IntRange(min = 0, max = 9) int offset,
                          @ForAll @IntRange(min = 0, max = 9) int padding) {
        assertAgreesWithJdk(text, offset, padding);
    }

    @Property(tries = 2000)
    void agreesWithTheJdkOnPrintedDoubles(@ForAll double value) {
        if (Double.isFinite(value)) {
            assertAgreesWithJdk(Double.toString(value), 3, 0);
            assertAgreesWithJdk(String.format("%.6f", value), 0, 12);
            assertAgreesWithJdk(new java.math.BigDecimal(value).toPlainString(), 1, 1);
        }
    }

    @Property(tries = 1000)
    void agreesWithTheJdkOnLongs(@ForAll long value) {
        assertAgreesWithJdk(Long.toString(value), 0, 0);
        assertAgreesWithJdk(Long.toString(value / 1000), 2, 20);
    }

    @Property(tries = 500)
    void refusesWhatIsNotANumber(@ForAll("noise") String text) {
        assertAgreesWithJdk(text, 1, 3);
    }

    @Provide
    Arbitrary<String> noise() {
        return Arbitraries.strings().withChars("0123456789+-.eE xa,").ofMinLength(1).ofMaxLength(12);
    }

    @Test
    void edgeCases() {
        for (String s : new String[] {"0", "-0", "+0", "-0.0", "00012", "1.", ".5", "-.5", "+.5e-3", "1e5", "1E+05", "1e-400",
            "1e999", "-1e999", "9223372036854775807", "-9223372036854775808", "9223372036854775808", "12345678", "123456789",
            "1234567890123456", "12345678901234567", "123456789012345678901234", "0.1234567", "0.12345678",
            "99999999.9999999", "9007199254740993.5", "0.30000000000000004", "1.7976931348623157e308", "4.9e-324",
            "2.2250738585072014E-308", "123456789012345678e-5", "1e22", "1e23", "9007199254740992e15", "-", "+", ".", "e5", "1e",
            "1e+", "--1", "1.2.3", "1_000", " 1", "1 ", "0x10", "Infinity", "NaN", "1d", "1f"}) {
            for (int offset : new int[] {0, 5}) {
                for (int padding : new int[] {0, 1, 8, 16}) {
                    assertAgreesWithJdk(s, offset, padding);
                }
            }
        }
    }

    @Test
    void swarHelpers() {
        long w = 0x3837363534333231L; // "12345678"
        assertEquals(8, NumberParser.digitCount(w));
        assertEquals(12345678L, NumberParser.eightDigits(w, 8));
        assertEquals(1234L, NumberParser.eightDigits(w, 4));
        assertEquals(0L, NumberParser.eightDigits(w, 0));
        assertEquals(3, NumberParser.digitCount(0x383736332C323130L)); // "012,3678"
        for (int c = 0; c < 256; c++) {
            long word = 0x3030303030303000L | c;
            assertEquals(c >= '0' && c <= '9' ? 8 : 0, NumberParser.digitCount(word), "byte " + c);
        }
        assertTrue(NumberParser.digitCount(0xFFFFFFFFFFFFFF31L) == 1);
    }
}
