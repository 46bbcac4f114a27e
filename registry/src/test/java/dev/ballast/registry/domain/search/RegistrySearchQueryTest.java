package dev.ballast.registry.domain.search;

import dev.ballast.core.error.BallastException;
import dev.ballast.tracking.domain.search.SqlQuery;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegistrySearchQueryTest {

    @Test
    void bindsUserTextAndEndsWithMlflowsTieBreakers() {
        SqlQuery q = RegistrySearchQuery.versions("name = 'a''; DROP TABLE x; --' AND run_id IN ('r1', 'r2') AND tags.team = 'ml'",
                List.of("creation_timestamp DESC"), 20, 11);
        assertFalse(q.sql().contains("DROP"), q.sql());
        assertTrue(q.sql().endsWith("ORDER BY v.creation_time DESC, m.name ASC, v.version DESC LIMIT ? OFFSET ?"), q.sql());
        assertEquals(List.of("a'; DROP TABLE x; --", "r1", "r2", "team", "ml", 11L, 20L), q.params());
    }

    @Test
    void ordersModelsByNameByDefault() {
        SqlQuery q = RegistrySearchQuery.models(null, null, 0, 101);
        assertEquals("SELECT m.model_id FROM registered_models m ORDER BY m.name ASC LIMIT ? OFFSET ?", q.sql());
    }

    @Test
    void refusesFieldsAndOperatorsMlflowRefuses() {
        assertThrows(BallastException.class, () -> RegistrySearchQuery.models("run_id = 'x'", null, 0, 10));
        assertThrows(BallastException.class, () -> RegistrySearchQuery.versions("source_path IN ('x')", null, 0, 10));
        assertThrows(BallastException.class, () -> RegistrySearchQuery.versions("version_number = '1'", null, 0, 10));
        assertThrows(BallastException.class, () -> RegistrySearchQuery.models(null, List.of("tags.x ASC"), 0, 10));
        assertThrows(BallastException.class, () -> RegistrySearchQuery.versions(null, List.of("name ASC", "name DESC"), 0, 10));
    }
}
