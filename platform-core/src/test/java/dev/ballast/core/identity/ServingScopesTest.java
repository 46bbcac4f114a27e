package dev.ballast.core.identity;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import dev.ballast.core.identity.app.ServingScopes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Which model names a serving token may be limited to. */
class ServingScopesTest {

    @Test
    void keepsAcceptableNamesExactlyAsGiven() {
        for (String name : List.of("churn", "Churn", "fraud model v2", "a@b", "a%2Fb", "...", "ünïcode", "x.y-z_1", "m".repeat(256))) {
            assertEquals(name, ServingScopes.requireModelName(name), name);
        }
    }

    @Test
    void refusesNamesThatCannotBeOnePathSegment() {
        for (String name : List.of("", ".", "..", "a/b", "/", "tab\there", "new\nline", "m".repeat(257))) {
            BallastException e = assertThrows(BallastException.class, () -> ServingScopes.requireModelName(name), name);
            assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, e.code(), name);
        }
    }
}
