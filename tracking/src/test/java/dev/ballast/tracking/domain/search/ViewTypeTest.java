package dev.ballast.tracking.domain.search;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ViewTypeTest {

    @Test
    void parsesNamesNumbersAndDefaults() {
        assertEquals(ViewType.ACTIVE_ONLY, ViewType.parse(null));
        assertEquals(ViewType.ACTIVE_ONLY, ViewType.parse(""));
        assertEquals(ViewType.ACTIVE_ONLY, ViewType.parse("ACTIVE_ONLY"));
        assertEquals(ViewType.DELETED_ONLY, ViewType.parse("deleted_only"));
        assertEquals(ViewType.ALL, ViewType.parse(" All "));
        assertEquals(ViewType.ACTIVE_ONLY, ViewType.parse(1));
        assertEquals(ViewType.DELETED_ONLY, ViewType.parse(2L));
        assertEquals(ViewType.ALL, ViewType.parse(3.0));
        assertEquals(ViewType.ALL, ViewType.parse(new BigDecimal("3")));
        assertEquals(ViewType.DELETED_ONLY, ViewType.parse("2"));
        assertEquals(ViewType.ALL, ViewType.parse(ViewType.ALL));
        assertEquals(3, ViewType.ALL.number());
    }

    @Test
    void refusesEverythingElse() {
        for (Object bad : List.of("BOTH", 0, 4, -1, 2.5, "1.5", "99999999999999999999999", Double.NaN, List.of(1), "x".repeat(500))) {
            BallastException e = assertThrows(BallastException.class, () -> ViewType.parse(bad), () -> String.valueOf(bad));
            assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, e.code());
        }
    }
}
