package dev.ballast.tracking.domain.dataset.scan;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The strict UTF-8 check agrees with the JDK's strict decoder and reports the offending byte. */
class Utf8Test {
    private static boolean jdkValid(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Property(tries = 3000)
    void agreesWithTheJdkDecoder(@ForAll byte[] bytes) {
        assertEquals(jdkValid(bytes), Utf8.firstInvalid(bytes, 0, bytes.length) < 0);
    }

    @Property(tries = 1000)
    void acceptsEveryEncodedString(@ForAll String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (jdkValid(b)) {
            assertEquals(-1, Utf8.firstInvalid(b, 0, b.length));
        }
    }

    @Test
    void offendingBytes() {
        assertEquals(1, Utf8.firstInvalid(CsvScanTest.hex("41 FF"), 0, 2));
        assertEquals(0, Utf8.firstInvalid(CsvScanTest.hex("C0 80"), 0, 2), "overlong");
        assertEquals(1, Utf8.firstInvalid(CsvScanTest.hex("E0 9F BF"), 0, 3), "overlong 3-byte");
        assertEquals(1, Utf8.firstInvalid(CsvScanTest.hex("ED A0 80"), 0, 3), "surrogate");
        assertEquals(1, Utf8.firstInvalid(CsvScanTest.hex("F4 90 80 80"), 0, 4), "above U+10FFFF");
        assertEquals(0, Utf8.firstInvalid(CsvScanTest.hex("F5 80 80 80"), 0, 4));
        assertEquals(2, Utf8.firstInvalid(CsvScanTest.hex("E2 82 41"), 0, 3), "bad continuation");
        assertEquals(0, Utf8.firstInvalid(CsvScanTest.hex("E2 82"), 0, 2), "truncated");
        assertEquals(-1, Utf8.firstInvalid(CsvScanTest.hex("F4 8F BF BF EF BB BF C2 80"), 0, 9));
        assertEquals(Utf8.NEED_MORE, Utf8.check(CsvScanTest.hex("F0 9F 98"), 0, 3));
    }
}
