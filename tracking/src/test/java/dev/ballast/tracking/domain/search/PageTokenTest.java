package dev.ballast.tracking.domain.search;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageTokenTest {

    @Test
    void roundTrips() {
        for (long offset : new long[] {0, 1, 2, 99, 1000, 123_456_789, 999_999_999_999_999_999L}) {
            String token = PageToken.encode(offset);
            assertTrue(token.matches("[A-Za-z0-9_-]+"), token);
            assertEquals(offset, PageToken.decode(token));
        }
    }

    @Test
    void encodesMlflowShapedJson() {
        String json = new String(Base64.getUrlDecoder().decode(PageToken.encode(123)), StandardCharsets.UTF_8);
        assertEquals("{\"offset\":123}", json);
    }

    @Test
    void emptyMeansFirstPage() {
        assertEquals(0, PageToken.decode(null));
        assertEquals(0, PageToken.decode(""));
    }

    @Test
    void acceptsMlflowStyleStandardBase64() {
        String std = Base64.getEncoder().encodeToString("{\"offset\": 1000}".getBytes(StandardCharsets.UTF_8));
        assertEquals(1000, PageToken.decode(std));
    }

    @Test
    void malformedTokensAreInvalidParameterValues() {
        for (String token : new String[] {"!!!", "abc", "e30", "not a token", "eyJvZmZzZXQiOi0xfQ", "eyJvZmZzZXQiOiJ4In0", "eyJvZmZzZXQiOjEuNX0",
            "W10", "bnVsbA", "eyJvZmZzZXQiOjk5OTk5OTk5OTk5OTk5OTk5OTk5OX0", "===", "eyJvZmZzZXQiOjF9eyJ", " "}) {
            BallastException e = assertThrows(BallastException.class, () -> PageToken.decode(token), token);
            assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, e.code());
            assertTrue(e.getMessage().startsWith("Invalid page token"), e.getMessage());
        }
    }

    @Test
    void overlongTokensAreRefused() {
        assertThrows(BallastException.class, () -> PageToken.decode("A".repeat(10_000)));
    }

    @Test
    void negativeOffsetsCannotBeEncoded() {
        assertThrows(IllegalArgumentException.class, () -> PageToken.encode(-1));
        assertFalse(PageToken.encode(5).contains("="));
    }
}
