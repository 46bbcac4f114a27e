package dev.ballast.tracking.domain.search;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Executes the SQL of {@link ExperimentSearchQuery} on H2 (PostgreSQL mode). Experiments
 * (id name stage creation_time last_update_time): 0 Default active 0 0; 1 exp-a active 100 500
 * (tag team=core); 2 exp-b active 200 300 (tag team=ml); 3 Exp-C deleted 300 400; 4 zeta active
 * 200 200.
 */
class ExperimentSearchSqlTest {
    private static SearchTestDatabase db;

    @BeforeAll
    static void open() {
        db = new SearchTestDatabase().withFixture();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static List<String> search(ViewType view, String filter, String... orderBy) {
        return db.query(ExperimentSearchQuery.build(view, filter, List.of(orderBy), 0, 100));
    }

    @TestFactory
    Stream<DynamicTest> filters() {
        return Table.rows(new String[] {
                "|2 4 1 0",
                "name = 'zeta'|4",
                "attributes.name = 'zeta'|4",
                "attribute.name != 'zeta'|2 1 0",
                "name LIKE 'exp%'|2 1",
                "name ILIKE 'EXP-%'|2 1",
                "creation_time >= 200|2 4",
                "attributes.last_update_time < 400|2 4 0",
                "creation_time = 100|1",
                "tags.team = 'core'|1",
                "tag.team != 'core'|2",
                "tags.team LIKE '%'|2 1",
                "tags.team ILIKE 'CORE'|1",
                "tags.team = 'core' OR name = 'zeta'|4 1",
                "(tags.team = 'core' OR name = 'zeta') AND creation_time > 100|4",
                "tags.missing != 'x'|",
        }, c -> filters(c[0], c[1]));
    }

    private static void filters(String filter, String expected) {
        List<String> want = expected.isBlank() ? List.of() : Arrays.asList(expected.split(" "));
        assertEquals(want, search(ViewType.ACTIVE_ONLY, filter), filter);
    }

    @TestFactory
    Stream<DynamicTest> ordering() {
        return Table.rows(new String[] {
                "name ASC|0 1 2 4",
                "name DESC|4 2 1 0",
                "last_update_time DESC|1 2 4 0",
                "attributes.creation_time ASC|0 1 2 4",
                "creation_time DESC|2 4 1 0",
                "experiment_id DESC|4 2 1 0",
        }, c -> ordering(c[0], c[1]));
    }

    private static void ordering(String orderBy, String expected) {
        assertEquals(Arrays.asList(expected.split(" ")), search(ViewType.ACTIVE_ONLY, null, orderBy), orderBy);
    }

    @Test
    void viewTypesAndPaging() {
        assertEquals(List.of("3"), search(ViewType.DELETED_ONLY, null));
        assertEquals(List.of("3", "2", "1"), search(ViewType.ALL, "name ILIKE 'exp%'"));
        assertEquals(List.of("3", "2", "4", "1", "0"), search(ViewType.ALL, ""));
        assertEquals(List.of("4", "1"), db.query(ExperimentSearchQuery.build(null, null, null, 1, 2)));
        assertEquals(List.of("0"), db.query(ExperimentSearchQuery.build(null, null, null, 3, 2)));
    }

    @Test
    void injectionAttemptsAreData() {
        long before = db.count("experiments");
        assertEquals(List.of(), search(ViewType.ALL, "name = 'x'' OR ''1''=''1'"));
        assertEquals(List.of(), search(ViewType.ALL, "tags.`'); DELETE FROM experiments; --` = 'x'"));
        assertEquals(before, db.count("experiments"));
    }

    @Test
    void refusesWhatExperimentsDoNotHave() {
        for (String bad : List.of("metrics.x > 1", "params.x = 'a'", "experiment_id = 1", "name IN ('a')", "creation_time = '1'",
                "name = 1", "tags.x > 'a'", "lifecycle_stage = 'active'")) {
            BallastException e = assertThrows(BallastException.class, () -> search(ViewType.ALL, bad), bad);
            assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, e.code(), bad);
        }
        for (String bad : List.of("tags.team ASC", "artifact_location", "name sideways")) {
            BallastException e = assertThrows(BallastException.class, () -> search(ViewType.ALL, null, bad), bad);
            assertTrue(e.getMessage().contains("order_by"), e.getMessage());
        }
    }
}
