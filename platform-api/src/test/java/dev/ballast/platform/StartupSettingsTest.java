package dev.ballast.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What start-up decides before Micronaut runs: where the data lives, which database, who owns the directory. */
class StartupSettingsTest {

    @Test
    void defaultsToAnEmbeddedH2DatabaseInsideTheDataDirectory(@TempDir Path dir) {
        BallastSettings s = BallastSettings.from(Map.of("BALLAST_HOME", dir.toString()));
        assertTrue(s.embeddedDatabase());
        assertEquals(dir.toAbsolutePath(), s.home());
        assertTrue(s.databaseUrl().startsWith("jdbc:h2:file:" + dir.resolve("db")), s.databaseUrl());
        assertTrue(s.databaseUrl().contains("MODE=PostgreSQL"));
    }

    @Test
    void usesTheConfiguredDatabaseWhenGiven() {
        BallastSettings s = BallastSettings.from(Map.of("BALLAST_DB_URL", "jdbc:postgresql://db:5432/ballast"));
        assertFalse(s.embeddedDatabase());
        assertEquals("jdbc:postgresql://db:5432/ballast", s.properties().get("ballast.db.url"));
        assertTrue(s.home().endsWith("ballast-data"));
    }

    @Test
    void letsOneProcessHoldADataDirectory(@TempDir Path dir) throws Exception {
        try (DataDirectoryLock first = DataDirectoryLock.acquire(dir)) {
            DataDirectoryLock.AlreadyInUse e = assertThrows(DataDirectoryLock.AlreadyInUse.class, () -> DataDirectoryLock.acquire(dir));
            assertTrue(e.getMessage().contains("pid " + ProcessHandle.current().pid()), e.getMessage());
        }
        DataDirectoryLock.acquire(dir).close();
    }
}
