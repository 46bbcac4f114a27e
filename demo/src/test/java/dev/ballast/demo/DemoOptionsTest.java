package dev.ballast.demo;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoOptionsTest {

    @Test
    void optionsWinOverTheEnvironmentWhichWinsOverDefaults() {
        DemoOptions fromEnv = DemoOptions.parse(new String[0], Map.of("BALLAST_URL", "http://h:9/", "BALLAST_ADMIN_PASSWORD", "p"));
        assertEquals("http://h:9", fromEnv.url());
        assertEquals("admin", fromEnv.user());
        assertEquals("p", fromEnv.password());
        assertEquals(5000, fromEnv.rows());
        DemoOptions given = DemoOptions.parse(new String[] {"--url", "http://x", "--user", "eve", "--password", "q", "--rows", "800",
            "--seed", "-3", "--prefix", "t1"}, Map.of("BALLAST_PASSWORD", "p"));
        assertEquals("http://x", given.url());
        assertEquals("eve", given.user());
        assertEquals("q", given.password());
        assertEquals(800, given.rows());
        assertEquals(-3, given.seed());
        assertEquals("t1", given.prefix());
    }

    @Test
    void badInputIsRefusedWithAMessage() {
        Map<String, String> env = Map.of("BALLAST_PASSWORD", "p");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse(new String[0], Map.of()))
                .getMessage().contains("no password"));
        assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse(new String[] {"--rows", "ten"}, env));
        assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse(new String[] {"--rows", "10"}, env));
        assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse(new String[] {"--prefix", "../x"}, env));
        assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse(new String[] {"--nope", "1"}, env));
        assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse(new String[] {"--url"}, env));
        assertThrows(DemoOptions.HelpRequested.class, () -> DemoOptions.parse(new String[] {"--help"}, env));
    }
}
