package dev.ballast.ui.tracking;

import dev.ballast.core.error.BallastException;
import dev.ballast.tracking.domain.search.RunSearchQuery;
import dev.ballast.tracking.domain.search.SqlQuery;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunsQueryTest {

    private static RunsQuery query(String sort, String dir) {
        return new RunsQuery(7, "metrics.a > 1", sort, RunsQuery.ascending(sort, dir), false, List.of("a"), List.of("p"), null);
    }

    @Test
    void writesTheOrderClauseOfEachKindOfColumn() {
        assertEquals("attributes.start_time DESC", query(null, null).orderBy());
        assertEquals("attributes.run_name ASC", query("attr:run_name", "asc").orderBy());
        assertEquals("metrics.`rmse` DESC", query("metric:rmse", "desc").orderBy());
        assertEquals("params.`learning rate` ASC", query("param:learning rate", null).orderBy());
    }

    @Test
    void quotesAnyKeySoTheGrammarReadsItBackAsTheSameKey() {
        for (String key : List.of("a`b", "back\\slash", "it's \"quoted\"", "x) OR 1=1 --")) {
            String clause = query("metric:" + key, "asc").orderBy();
            SqlQuery sql = RunSearchQuery.build(List.of(7L), null, null, List.of(clause), 0, 10);
            assertTrue(sql.params().contains(key), "the key is bound as written: " + sql.params());
            assertTrue(sql.sql().contains(".metric_value ASC"), sql.sql());
        }
    }

    @Test
    void refusesUnknownSortsAndDirections() {
        assertThrows(BallastException.class, () -> query("attr:artifact_uri", null).orderBy());
        assertThrows(BallastException.class, () -> query("tag:x", null).orderBy());
        assertThrows(BallastException.class, () -> query("metric:", null).orderBy());
        assertThrows(BallastException.class, () -> RunsQuery.ascending("metric:a", "up"));
    }

    @Test
    void linksFlipTheDirectionOfTheCurrentSortAndKeepTheFilter() {
        RunsQuery q = query("metric:a", "asc");
        assertEquals("/ui/experiments/7/runs?filter=metrics.a+%3E+1&sort=metric%3Aa&dir=desc", q.sortLink("metric:a"));
        assertEquals("/ui/experiments/7/runs?filter=metrics.a+%3E+1&sort=param%3Ap&dir=asc", q.sortLink("param:p"));
        assertEquals("/ui/experiments/7/runs?filter=metrics.a+%3E+1", q.sortLink("attr:start_time"), "the default: newest first");
        assertEquals("ascending", q.ariaSort("metric:a"));
        assertEquals("none", q.ariaSort("param:p"));
        assertFalse(q.pageLink("tok").contains("cols="), "default columns are not written into links");
    }
}
