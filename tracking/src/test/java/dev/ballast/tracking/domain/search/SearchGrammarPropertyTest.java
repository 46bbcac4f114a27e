package dev.ballast.tracking.domain.search;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Whatever text arrives, the search builders either produce a query or refuse the input with a
 * 400: no other exception may escape. And every filter the grammar accepts compiles to SQL that
 * H2 executes.
 */
class SearchGrammarPropertyTest {
    private static final List<String> TOKENS = List.of(
            "metrics.rmse", "metric.`my metric`", "params.model", "param.\"lr rate\"", "tags.team", "tags.'a b'", "attributes.run_id",
            "attributes.status", "attr.start_time", "created", "Created", "status", "run_name", "dataset.name", "datasets.context",
            "dataset.bogus", "foo.bar", "metrics.", "`metrics`", "`", ".", "=", "!=", "<", "<=", ">", ">=", "==", "<>", "!", "LIKE",
            "ILIKE", "like", "IN", "NOT", "not in", "AND", "OR", "and", "or", "(", ")", ",", "'a'", "\"b\"", "'x%'", "'\\%'",
            "'it''s'", "'\\'", "'unterminated", "\"", "'", "1", "-2.5e3", "1e", ".5", "+", "-", "9999999999999999999999", "1e999",
            "ASC", "DESC", ";", "--", "/*", "\\", "\u0000", "日本", "\uD800", " ", "\t", "\n", "");
    private static SearchTestDatabase db;

    @BeforeContainer
    static void open() {
        db = new SearchTestDatabase().withFixture();
    }

    @AfterContainer
    static void close() {
        db.close();
    }

    @Property(tries = 2000)
    void randomTextIsQueryOrBadRequest(@ForAll String text) {
        buildAll(text);
    }

    @Property(tries = 2000)
    void tokenSoupIsQueryOrBadRequest(@ForAll("soups") String soup) {
        buildAll(soup);
    }

    @Property(tries = 300)
    void validFiltersCompileToExecutableSql(@ForAll("validFilters") String filter, @ForAll("orderBys") List<String> orderBy) {
        Assume.that(!namesAFieldTwice(orderBy));
        SqlQuery runs = RunSearchQuery.build(List.of(1L, 2L), ViewType.ALL, filter, orderBy, 0, 50);
        assertNotNull(db.query(runs));
        assertEquals(runs.sql().chars().filter(c -> c == '?').count(), runs.params().size(), runs.sql());
    }

    /** Generated keys may spell the same key twice (a, `a`, "a"), which order_by rightly refuses. */
    private static boolean namesAFieldTwice(List<String> orderBy) {
        try {
            OrderBy.parse(orderBy, RunFields.INSTANCE);
            return false;
        } catch (BallastException e) {
            if (e.getMessage().contains("more than once")) {
                return true;
            }
            throw e;
        }
    }

    private static void buildAll(String text) {
        expectQueryOrBadRequest(() -> RunSearchQuery.build(List.of(1L), ViewType.ALL, text, List.of(), 0, 10));
        expectQueryOrBadRequest(() -> RunSearchQuery.build(List.of(1L), ViewType.ACTIVE_ONLY, null, List.of(text), 0, 10));
        expectQueryOrBadRequest(() -> ExperimentSearchQuery.build(ViewType.ALL, text, List.of(text), 0, 10));
        expectQueryOrBadRequest(() -> {
            PageToken.decode(text);
            return null;
        });
        expectQueryOrBadRequest(() -> {
            ViewType.parse(text);
            return null;
        });
    }

    private static void expectQueryOrBadRequest(java.util.function.Supplier<SqlQuery> build) {
        try {
            SqlQuery q = build.get();
            if (q != null) {
                assertEquals(q.sql().chars().filter(c -> c == '?').count(), q.params().size());
            }
        } catch (BallastException e) {
            assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, e.code());
            assertNotNull(e.getMessage());
        }
    }

    @Provide
    Arbitrary<String> soups() {
        Arbitrary<String> token = Arbitraries.oneOf(Arbitraries.of(TOKENS), Arbitraries.strings().ofMaxLength(5));
        Arbitrary<String> gap = Arbitraries.of("", " ", "  ");
        return Combinators.combine(token, gap).as((t, g) -> t + g).list().ofMaxSize(25).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<List<String>> orderBys() {
        Arbitrary<String> key = keys();
        Arbitrary<String> term = Combinators.combine(
                Arbitraries.of("metrics.", "params.", "tags."), key, Arbitraries.of("", " ASC", " desc"))
                .as((prefix, k, dir) -> prefix + k + dir);
        Arbitrary<String> attribute = Arbitraries.of("attributes.start_time", "end_time DESC", "attributes.user_id asc",
                "attributes.run_name", "status DESC", "attributes.artifact_uri");
        return Arbitraries.oneOf(term, attribute).list().ofMaxSize(4).uniqueElements();
    }

    @Provide
    Arbitrary<String> validFilters() {
        return Arbitraries.recursive(this::comparisons, expr -> Arbitraries.oneOf(
                Combinators.combine(expr, Arbitraries.of(" AND ", " or ", " and "), expr).as((a, op, b) -> a + op + b),
                expr.map(e -> "(" + e + ")")), 0, 4);
    }

    private Arbitrary<String> comparisons() {
        Arbitrary<String> numOp = Arbitraries.of("=", "!=", "<", "<=", ">", ">=");
        Arbitrary<String> strOp = Arbitraries.of("=", "!=", "LIKE", "ILIKE");
        Arbitrary<String> number = Arbitraries.oneOf(
                Arbitraries.doubles().between(-1e6, 1e6).map(d -> Double.toString(d).replace("E", "e")),
                Arbitraries.longs().map(l -> Long.toString(l)),
                Arbitraries.of("0", "-1", ".5", "1e3", "2.5E-3", "1e999"));
        Arbitrary<String> integer = Arbitraries.oneOf(Arbitraries.longs().map(l -> Long.toString(l)), Arbitraries.of("0", "-1", "1e3", "2.0"));
        Arbitrary<String> metric = Combinators.combine(Arbitraries.of("metrics.", "metric."), keys(), numOp, number)
                .as((p, k, op, v) -> p + k + " " + op + " " + v);
        Arbitrary<String> keyed = Combinators.combine(Arbitraries.of("params.", "tags.", "param.", "tag."), keys(), strOp, values())
                .as((p, k, op, v) -> p + k + " " + op + " " + quote(v, op.contains("LIKE")));
        Arbitrary<String> attribute = Combinators.combine(Arbitraries.of("attributes.run_name", "status", "attr.user_id",
                        "attributes.artifact_uri"), strOp, values())
                .as((a, op, v) -> a + " " + op + " " + quote(v, op.contains("LIKE")));
        Arbitrary<String> time = Combinators.combine(Arbitraries.of("attributes.start_time", "end_time", "created"), numOp, integer)
                .as((a, op, v) -> a + " " + op + " " + v);
        Arbitrary<String> list = values().list().ofMinSize(1).ofMaxSize(4)
                .map(vs -> "(" + String.join(", ", vs.stream().map(v -> quote(v, false)).toList()) + ")");
        Arbitrary<String> in = Combinators.combine(Arbitraries.of("attributes.run_id", "run_uuid", "dataset.name", "dataset.digest",
                "datasets.context"), Arbitraries.of(" IN ", " NOT IN ", " in ", " not in "), list).as((a, op, l) -> a + op + l);
        Arbitrary<String> dataset = Combinators.combine(Arbitraries.of("dataset.name", "dataset.context"), strOp, values())
                .as((a, op, v) -> a + " " + op + " " + quote(v, op.contains("LIKE")));
        return Arbitraries.oneOf(metric, keyed, attribute, time, in, dataset);
    }

    /** Keys in all three spellings: plain, backticked and double-quoted. */
    private static Arbitrary<String> keys() {
        Arbitrary<String> plain = Arbitraries.strings().withChars("abcxyz019_./-").ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> spaced = Arbitraries.strings().withChars("abc xyz'\";)(-").ofMinLength(1).ofMaxLength(12);
        return Arbitraries.oneOf(plain, spaced.map(k -> "`" + k.replace("`", "``") + "`"),
                spaced.map(k -> "\"" + k.replace("\\", "\\\\").replace("\"", "\\\"") + "\""));
    }

    private static Arbitrary<String> values() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('\u0001', '\uffff').ofMaxLength(20),
                Arbitraries.strings().withChars("ab%_' \"\\").ofMaxLength(10),
                Arbitraries.of("ridge", "core", "iris", "FINISHED", "r%", "%"));
    }

    /** A string literal for {@code value}; LIKE patterns keep only backslashes that escape % or _. */
    private static String quote(String value, boolean pattern) {
        String v = pattern ? value.replace("\\", "") : value.replace("\\", "\\\\");
        return "'" + v.replace("'", "''") + "'";
    }
}
