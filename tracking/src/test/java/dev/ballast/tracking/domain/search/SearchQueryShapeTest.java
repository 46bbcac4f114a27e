package dev.ballast.tracking.domain.search;

import dev.ballast.core.error.BallastException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exact SQL and bind values the builders produce: the contract with the stores and the indexes. */
class SearchQueryShapeTest {

    @Test
    void metricAndParamFilterOrderedByMetric() {
        SqlQuery q = RunSearchQuery.build(List.of(1L, 2L), ViewType.ACTIVE_ONLY, "metrics.rmse < 0.5 and params.model = 'ridge'",
                List.of("metrics.rmse ASC"), 0, 101);
        assertEquals("SELECT r.run_uuid FROM runs r"
                + " LEFT JOIN latest_metrics o1 ON o1.run_uuid = r.run_uuid AND o1.metric_key = ?"
                + " WHERE r.experiment_id IN (?, ?) AND r.lifecycle_stage = 'active'"
                + " AND (EXISTS (SELECT 1 FROM latest_metrics m WHERE m.run_uuid = r.run_uuid AND m.metric_key = ?"
                + " AND m.is_nan = FALSE AND m.metric_value < ?)"
                + " AND EXISTS (SELECT 1 FROM params p WHERE p.run_uuid = r.run_uuid AND p.param_key = ? AND p.param_value = ?))"
                + " ORDER BY CASE WHEN o1.run_uuid IS NULL THEN 2 WHEN o1.is_nan = TRUE THEN 1 ELSE 0 END, o1.metric_value ASC,"
                + " r.start_time DESC, r.run_uuid ASC"
                + " LIMIT ? OFFSET ?", q.sql());
        assertEquals(List.of("rmse", 1L, 2L, "rmse", 0.5, "model", "ridge", 101L, 0L), q.params());
    }

    @Test
    void defaultOrderFollowsTheRunsIndex() {
        SqlQuery q = RunSearchQuery.build(List.of(7L), null, null, null, 20, 10);
        assertEquals("SELECT r.run_uuid FROM runs r WHERE r.experiment_id IN (?) AND r.lifecycle_stage = 'active'"
                + " ORDER BY r.start_time DESC, r.run_uuid ASC LIMIT ? OFFSET ?", q.sql());
        assertEquals(List.of(7L, 10L, 20L), q.params());
        assertFalse(RunSearchQuery.build(List.of(7L), ViewType.ALL, null, null, 0, 10).sql().contains("lifecycle_stage"));
        assertTrue(RunSearchQuery.build(List.of(7L), ViewType.DELETED_ONLY, null, null, 0, 10).sql()
                .contains("r.lifecycle_stage = 'deleted'"));
    }

    @Test
    void orderKeysAreJoinedOnceEachWithBoundKeys() {
        SqlQuery q = RunSearchQuery.build(List.of(1L), ViewType.ALL, "tags.t ILIKE 'x%' or dataset.name IN ('a', 'b')",
                List.of("params.p DESC", "tags.`t x`", "attributes.end_time", "attributes.run_id DESC"), 0, 5);
        assertEquals("SELECT r.run_uuid FROM runs r"
                + " LEFT JOIN params o1 ON o1.run_uuid = r.run_uuid AND o1.param_key = ?"
                + " LEFT JOIN tags o2 ON o2.run_uuid = r.run_uuid AND o2.tag_key = ?"
                + " WHERE r.experiment_id IN (?)"
                + " AND (EXISTS (SELECT 1 FROM tags t WHERE t.run_uuid = r.run_uuid AND t.tag_key = ? AND LOWER(t.tag_value) LIKE LOWER(?))"
                + " OR EXISTS (SELECT 1 FROM run_inputs d WHERE d.run_uuid = r.run_uuid AND d.dataset_name IN (?, ?)))"
                + " ORDER BY o1.param_value DESC NULLS LAST, o2.tag_value ASC NULLS LAST, r.end_time ASC NULLS LAST,"
                + " r.run_uuid DESC, r.start_time DESC"
                + " LIMIT ? OFFSET ?", q.sql());
        assertEquals(List.of("p", "t x", 1L, "t", "x%", "a", "b", 5L, 0L), q.params());
    }

    @Test
    void userTextNeverReachesTheSql() {
        String evil = "x'; DROP TABLE runs; --";
        SqlQuery q = RunSearchQuery.build(List.of(1L), ViewType.ALL,
                "params.`" + evil + "` = \"" + evil + "\" or tags.\"" + evil + "\" LIKE '" + evil.replace("'", "''") + "'",
                List.of("metrics.`" + evil + "` DESC"), 0, 5);
        assertFalse(q.sql().contains("DROP"), q.sql());
        assertFalse(q.sql().contains("x'"), q.sql());
        assertEquals(List.of(evil, 1L, evil, evil, evil, evil, 5L, 0L), q.params());
    }

    @Test
    void experimentQueries() {
        SqlQuery q = ExperimentSearchQuery.build(ViewType.ACTIVE_ONLY, "name LIKE 'a%' and tags.team = 'ml'", List.of(), 0, 3);
        assertEquals("SELECT e.experiment_id FROM experiments e WHERE e.lifecycle_stage = 'active'"
                + " AND (e.name LIKE ? AND EXISTS (SELECT 1 FROM experiment_tags t WHERE t.experiment_id = e.experiment_id"
                + " AND t.tag_key = ? AND t.tag_value = ?))"
                + " ORDER BY e.creation_time DESC, e.experiment_id ASC LIMIT ? OFFSET ?", q.sql());
        assertEquals(List.of("a%", "team", "ml", 3L, 0L), q.params());

        SqlQuery all = ExperimentSearchQuery.build(ViewType.ALL, null, List.of("name DESC", "experiment_id"), 10, 3);
        assertEquals("SELECT e.experiment_id FROM experiments e ORDER BY e.name DESC, e.experiment_id ASC LIMIT ? OFFSET ?", all.sql());

        SqlQuery byTime = ExperimentSearchQuery.build(ViewType.ALL, "creation_time > 5", List.of("last_update_time DESC"), 0, 3);
        assertEquals("SELECT e.experiment_id FROM experiments e WHERE e.creation_time > ?"
                + " ORDER BY e.last_update_time DESC, e.experiment_id ASC LIMIT ? OFFSET ?", byTime.sql());
        assertEquals(List.of(5L, 3L, 0L), byTime.params());
    }

    @Test
    void refusesBadArguments() {
        assertThrows(BallastException.class, () -> RunSearchQuery.build(List.of(), ViewType.ALL, null, null, 0, 1));
        assertThrows(BallastException.class, () -> RunSearchQuery.build(null, ViewType.ALL, null, null, 0, 1));
        assertThrows(BallastException.class, () -> RunSearchQuery.build(java.util.Arrays.asList(1L, null), ViewType.ALL, null, null, 0, 1));
        assertThrows(BallastException.class, () -> RunSearchQuery.build(List.of(1L), ViewType.ALL, null, null, -1, 1));
        assertThrows(BallastException.class, () -> RunSearchQuery.build(List.of(1L), ViewType.ALL, null, null, 0, -1));
        assertThrows(BallastException.class, () -> ExperimentSearchQuery.build(ViewType.ALL, null, null, -5, 1));
    }
}
