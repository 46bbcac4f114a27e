package dev.ballast.registry.domain.model;

import dev.ballast.core.error.BallastException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RegistryNamesTest {

    @Test
    void acceptsAliasesMlflowAcceptsAndReservesTheOthers() {
        assertEquals("champion", RegistryNames.requireAlias("champion"));
        assertEquals("blue-green_2", RegistryNames.requireAlias("blue-green_2"));
        for (String bad : new String[] {"", "latest", "LATEST", "v1", "V12", "has space", "dot.ted", "a".repeat(256)}) {
            assertThrows(BallastException.class, () -> RegistryNames.requireAlias(bad), bad);
        }
    }

    @Test
    void readsVersionNumbersAsMlflowClientsSendThem() {
        assertEquals(3, RegistryNames.parseVersion("3"));
        for (String bad : new String[] {"0", "-1", "1.5", "one", " ", "99999999999"}) {
            assertThrows(BallastException.class, () -> RegistryNames.parseVersion(bad), bad);
        }
    }

    @Test
    void keepsModelNamesUsableAsPathSegments() {
        assertEquals("growth model (v2)", RegistryNames.requireModelName("growth model (v2)"));
        assertThrows(BallastException.class, () -> RegistryNames.requireModelName("a/b"));
        assertThrows(BallastException.class, () -> RegistryNames.requireModelName("a\nb"));
        assertThrows(BallastException.class, () -> RegistryNames.requireModelName(""));
    }

    @Test
    void readsStagesCaseInsensitively() {
        assertEquals(Stage.PRODUCTION, Stage.parse("production"));
        assertEquals(Stage.NONE, Stage.parse("None"));
        assertThrows(BallastException.class, () -> Stage.parse("Shipping"));
    }
}
