package dev.ballast.tracking.domain.search;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static dev.ballast.tracking.domain.search.SearchTestDatabase.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Executes the SQL of {@link RunSearchQuery} on H2 (PostgreSQL mode) against the fixture of
 * {@link SearchTestDatabase}. In experiment 1 the active runs are, newest first:
 * delta (4000), golf (4000), charlie (3000), bravo (2000), alpha (1000); echo is deleted;
 * foxtrot is the only run of experiment 2.
 */
class RunSearchSqlTest {
    private static SearchTestDatabase db;

    @BeforeAll
    static void open() {
        db = new SearchTestDatabase().withFixture();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static List<String> search(String filter, String... orderBy) {
        return db.runNames(RunSearchQuery.build(List.of(1L), ViewType.ACTIVE_ONLY, filter, List.of(orderBy), 0, 100));
    }

    private static List<String> names(String csv) {
        return csv.isBlank() ? List.of() : Arrays.asList(csv.split(" "));
    }

    @TestFactory
    Stream<DynamicTest> filters() {
        return Table.rows(new String[] {
                "|delta golf charlie bravo alpha",
                "   |delta golf charlie bravo alpha",
                // params: = != LIKE ILIKE; a run without the key never matches, not even !=
                "params.model = 'ridge'|charlie alpha",
                "params.model != 'ridge'|delta bravo",
                "param.model LIKE 'r%'|charlie alpha",
                "params.model LIKE 'R%'|",
                "params.model ILIKE 'R%'|charlie alpha",
                "params.model like '_asso'|bravo",
                "parameters.model = \"mlp\"|delta",
                "params.\"lr rate\" = 'x'|golf",
                "params.'lr rate' = 'x'|golf",
                "params.`lr rate` = 'x'|golf",
                "params.missing != 'x'|",
                // tags, quoting and escapes
                "tags.team = 'core'|bravo",
                "tag.team ILIKE 'CORE'|bravo alpha",
                "tags.team != 'core'|delta alpha",
                "tags.note = 'it''s'|alpha",
                "tags.note = 'it\\'s'|alpha",
                "tags.note = \"it's\"|alpha",
                "tags.path LIKE '50\\%\\_%'|golf",
                "tags.path LIKE '%\\\\\\\\'|golf",
                "tags.path LIKE '5_\\%%'|golf",
                "tags.path LIKE '50_x%'|",
                // metrics: numeric comparisons against the latest value, NaN never matches
                "metrics.rmse < 0.5|golf alpha",
                "metric.rmse <= 0.3|golf alpha",
                "metrics.rmse = 0.3|golf alpha",
                "metrics.rmse != 0.6|golf alpha",
                "metrics.rmse > 0.3|bravo",
                "metrics.rmse >= 3e-1|golf bravo alpha",
                "metrics.rmse > -1|golf bravo alpha",
                "metrics.rmse < 1|golf bravo alpha",
                "metrics.`my metric` = 7|golf",
                "metrics.\"my metric\" >= 7.0|golf",
                "metrics.acc > .5|alpha",
                // attributes, with and without prefix
                "attributes.status = 'FINISHED'|golf bravo alpha",
                "status != 'FINISHED'|delta charlie",
                "attr.run_name LIKE 'ridge%'|charlie alpha",
                "run.run_name ILIKE 'RIDGE-_'|charlie alpha",
                "attributes.`Run name` = 'mlp'|delta",
                "attributes.user_id = 'alice'|charlie alpha",
                "attributes.user_id != 'alice'|golf bravo",
                "attributes.artifact_uri = 's3://b/bravo'|bravo",
                "attributes.start_time >= 3000|delta golf charlie",
                "attributes.created < 2000|alpha",
                "Created = 2000|bravo",
                "attributes.end_time > 2000|delta bravo",
                "attributes.end_time != 1500|delta bravo",
                // datasets: a run matches when any of its inputs does
                "dataset.name = 'iris'|bravo alpha",
                "datasets.name = 'wine'|bravo",
                "dataset.context = 'eval'|bravo",
                "dataset.context != 'eval'|bravo alpha",
                "dataset.digest IN ('d1', 'd3')|bravo alpha",
                "dataset.name != 'iris'|golf bravo",
                "dataset.name NOT IN ('iris')|golf bravo",
                "dataset.name LIKE 'i%'|bravo alpha",
                "dataset.name ILIKE 'WI%'|bravo",
                // AND, OR, precedence and parentheses
                "metrics.rmse < 0.5 and params.model = 'ridge'|alpha",
                "params.model = 'mlp' OR metrics.rmse > 0.5|delta bravo",
                "params.model = 'mlp' or params.model = 'ridge' and metrics.rmse < 0.5|delta alpha",
                "(params.model = 'mlp' or params.model = 'ridge') and metrics.rmse < 0.5|alpha",
                "((params.model = 'mlp'))|delta",
                "status = 'FAILED' or (status = 'RUNNING' or (user_id = 'bob' and tags.team = 'core'))|delta charlie bravo",
                "params.model = 'ridge' AND params.model != 'ridge'|",
        }, c -> filters(c[0], c[1]));
    }

    private static void filters(String filter, String expected) {
        assertEquals(names(expected), search(filter), filter);
    }

    @Test
    void runIdsInAndNotIn() {
        assertEquals(List.of("bravo", "alpha"), search("attributes.run_id IN ('" + id("alpha") + "', '" + id("bravo") + "')"));
        assertEquals(List.of("delta", "golf", "charlie"), search("run_id NOT IN ('" + id("alpha") + "', '" + id("bravo") + "')"));
        assertEquals(List.of("alpha"), search("attributes.run_id = '" + id("alpha") + "'"));
        assertEquals(List.of("bravo"), search("attributes.run_uuid IN ('" + id("bravo") + "')"));
        assertEquals(List.of("delta", "golf", "charlie", "bravo"), search("attributes.run_id != '" + id("alpha") + "'"));
    }

    @Test
    void viewTypesAndExperiments() {
        assertEquals(List.of("echo"), db.runNames(RunSearchQuery.build(List.of(1L), ViewType.DELETED_ONLY, null, null, 0, 100)));
        assertEquals(List.of("echo", "charlie", "alpha"),
                db.runNames(RunSearchQuery.build(List.of(1L), ViewType.ALL, "params.model = 'ridge'", List.of(), 0, 100)));
        assertEquals(List.of("foxtrot", "charlie", "alpha"),
                db.runNames(RunSearchQuery.build(List.of(1L, 2L), null, "params.model = 'ridge'", null, 0, 100)));
        assertEquals(List.of(), db.runNames(RunSearchQuery.build(List.of(99L), ViewType.ALL, null, null, 0, 100)));
    }

    @TestFactory
    Stream<DynamicTest> ordering() {
        return Table.rows(new String[] {
            // rmse: alpha 0.3, golf 0.3, bravo 0.6, charlie NaN, delta missing. Ties fall back to start_time DESC.
                    "metrics.rmse ASC|golf alpha bravo charlie delta",
                "metrics.rmse|golf alpha bravo charlie delta",
                "metrics.rmse DESC|bravo golf alpha charlie delta",
                "metric.rmse desc|bravo golf alpha charlie delta",
                // model: alpha ridge, bravo lasso, charlie ridge, delta mlp, golf missing
                "params.model ASC|bravo delta charlie alpha golf",
                "params.model DESC|charlie alpha delta bravo golf",
                // prio: alpha 1, delta 2, others missing
                "tags.prio ASC|alpha delta golf charlie bravo",
                "tags.prio DESC|delta alpha golf charlie bravo",
                "tags.`prio` DESC|delta alpha golf charlie bravo",
                "attributes.start_time ASC|alpha bravo charlie delta golf",
                "start_time DESC|delta golf charlie bravo alpha",
                "created ASC|alpha bravo charlie delta golf",
                // end_time: alpha 1500, bravo 2500, delta 5000, charlie and golf NULL (last both ways)
                "attributes.end_time ASC|alpha bravo delta golf charlie",
                "attributes.end_time DESC|delta bravo alpha golf charlie",
                // user_id: delta NULL
                "attributes.user_id ASC|charlie alpha bravo golf delta",
                "attributes.user_id DESC|golf bravo charlie alpha delta",
                "attributes.run_name ASC|golf bravo delta alpha charlie",
                "attributes.run_id DESC|golf delta charlie bravo alpha",
                "attributes.status ASC|delta golf bravo alpha charlie",
                "metrics.`my metric` DESC|golf delta charlie bravo alpha",
        }, c -> ordering(c[0], c[1]));
    }

    private static void ordering(String orderBy, String expected) {
        assertEquals(names(expected), search(null, orderBy), orderBy);
    }

    @Test
    void severalOrderTermsAndFilterTogether() {
        assertEquals(List.of("bravo", "delta", "alpha", "charlie", "golf"), search(null, "params.model ASC", "metrics.rmse DESC"));
        assertEquals(List.of("alpha", "golf", "bravo"),
                search("metrics.rmse > 0 or tags.team = 'core'", "tags.prio DESC", "metrics.rmse ASC"));
        assertEquals(List.of("alpha", "golf"), search("metrics.rmse < 0.5", "metrics.rmse ASC", "attributes.start_time ASC"));
    }

    @Test
    void pagingWalksTheWholeResultOnce() {
        List<String> all = search(null, "metrics.rmse ASC");
        for (int size = 1; size <= 6; size++) {
            List<String> seen = new ArrayList<>();
            for (long offset = 0; ; offset += size) {
                List<String> page = db.runNames(RunSearchQuery.build(List.of(1L), ViewType.ACTIVE_ONLY, null,
                        List.of("metrics.rmse ASC"), offset, size));
                seen.addAll(page);
                if (page.size() < size) {
                    break;
                }
            }
            assertEquals(all, seen, "page size " + size);
        }
        assertEquals(List.of("charlie", "bravo"),
                db.runNames(RunSearchQuery.build(List.of(1L), ViewType.ACTIVE_ONLY, "", List.of(), 2, 2)));
        assertEquals(List.of(), db.runNames(RunSearchQuery.build(List.of(1L), ViewType.ACTIVE_ONLY, "", List.of(), 5, 2)));
    }

    @Test
    void injectionAttemptsAreData() {
        long runs = db.count("runs");
        assertEquals(List.of(), search("params.model = 'a'' OR 1=1 --'"));
        assertEquals(List.of(), search("params.model = \"x\\\" OR \\\"1\\\"=\\\"1\""));
        assertEquals(List.of(), search("params.`'); DROP TABLE runs; --` = 'x'"));
        assertEquals(List.of(), search("tags.\"x' OR '1'='1\" = 'y'"));
        assertEquals(List.of(), search("dataset.name IN ('x'') OR 1=1 --')"));
        assertEquals(5, search(null, "metrics.`x; DROP TABLE runs; --` DESC").size());
        assertEquals(5, search(null, "params.\"a' || (SELECT 1) || '\" ASC").size());
        for (String bad : List.of("params.model = 'ridge' OR 1=1", "status = 'FINISHED'; DROP TABLE runs",
                "params.model = 'ridge' -- comment", "params.model = 'a' /* x */", "1 = 1")) {
            BallastException e = assertThrows(BallastException.class, () -> search(bad), bad);
            assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, e.code());
        }
        assertThrows(BallastException.class, () -> search(null, "metrics.rmse; DROP TABLE runs"));
        assertThrows(BallastException.class, () -> search(null, "metrics.rmse DESC, 1"));
        assertEquals(runs, db.count("runs"));
        assertEquals(9, db.count("params"));
    }
}
