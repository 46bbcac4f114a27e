package dev.ballast.platform.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Strict percent-decoding of one path segment. */
class PathSegmentDecoderTest {

    @Test
    void decodesWellFormedEscapesOnce() {
        assertEquals(Optional.of("churn"), PathSegmentDecoder.decode("churn"));
        assertEquals(Optional.of("a b"), PathSegmentDecoder.decode("a%20b"));
        assertEquals(Optional.of("a/b"), PathSegmentDecoder.decode("a%2fb"));
        assertEquals(Optional.of(".."), PathSegmentDecoder.decode("%2E%2e"));
        assertEquals(Optional.of("%2F"), PathSegmentDecoder.decode("%252F"));
        assertEquals(Optional.of("a+b"), PathSegmentDecoder.decode("a+b"));
        assertEquals(Optional.of("é"), PathSegmentDecoder.decode("%C3%A9"));
        assertEquals(Optional.of("é"), PathSegmentDecoder.decode("é"));
    }

    @Test
    void refusesMalformedEscapesAndBrokenUtf8() {
        for (String raw : List.of("%", "a%", "a%2", "%zz", "%2g", "%C3", "%C3%28", "%FF", "%ED%A0%80")) {
            assertEquals(Optional.empty(), PathSegmentDecoder.decode(raw), raw);
        }
    }
}
