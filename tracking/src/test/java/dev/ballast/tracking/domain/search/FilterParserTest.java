package dev.ballast.tracking.domain.search;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The filter and order_by grammar, checked on the parse tree; {@code RunSearchSqlTest} checks what the SQL returns. */
class FilterParserTest {

    private static FilterExpr parse(String filter) {
        return FilterParser.parseFilter(filter, RunFields.INSTANCE);
    }

    private static FilterExpr.Comparison comparison(String filter) {
        return assertInstanceOf(FilterExpr.Comparison.class, parse(filter));
    }

    private static BallastException rejected(String filter) {
        BallastException e = assertThrows(BallastException.class, () -> parse(filter), filter);
        assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, e.code());
        return e;
    }

    /** A compact rendering of a parse tree, to assert structure in one line. */
    private static String render(FilterExpr e) {
        if (e instanceof FilterExpr.And and) {
            return "(" + String.join(" AND ", and.parts().stream().map(FilterParserTest::render).toList()) + ")";
        }
        if (e instanceof FilterExpr.Or or) {
            return "(" + String.join(" OR ", or.parts().stream().map(FilterParserTest::render).toList()) + ")";
        }
        FilterExpr.Comparison c = (FilterExpr.Comparison) e;
        return c.field().kind().label() + ":" + c.field().key() + " " + c.operator().symbol() + " " + c.values();
    }

    @Test
    void emptyFilterMatchesEverything() {
        assertNull(parse(null));
        assertNull(parse(""));
        assertNull(parse(" \t\n "));
    }

    @TestFactory
    Stream<DynamicTest> comparisons() {
        return Table.rows(new String[] {
                "metrics.rmse = 1|metric:rmse = [1.0]",
                "metrics.rmse != 1|metric:rmse != [1.0]",
                "metrics.rmse < 1|metric:rmse < [1.0]",
                "metrics.rmse <= 1|metric:rmse <= [1.0]",
                "metrics.rmse > 1|metric:rmse > [1.0]",
                "metrics.rmse >= 1|metric:rmse >= [1.0]",
                "metrics.rmse>=-2.5e3|metric:rmse >= [-2500.0]",
                "metrics.rmse < .5|metric:rmse < [0.5]",
                "metrics.rmse < +7|metric:rmse < [7.0]",
                "metric.rmse < 1E2|metric:rmse < [100.0]",
                "params.model = 'a'|param:model = [a]",
                "params.model != \"a\"|param:model != [a]",
                "param.model LIKE '%a_'|param:model LIKE [%a_]",
                "parameter.model like 'a'|param:model LIKE [a]",
                "parameters.model ILIKE 'A'|param:model ILIKE [A]",
                "params.model iLike 'A'|param:model ILIKE [A]",
                "tags.x = 'v'|tag:x = [v]",
                "tag.mlflow.source.name = 'v'|tag:mlflow.source.name = [v]",
                "tags.a/b-c.d_e = 'v'|tag:a/b-c.d_e = [v]",
                "tags.`my tag` = 'v'|tag:my tag = [v]",
                "tags.\"my tag\" = 'v'|tag:my tag = [v]",
                "tags.'my tag' = 'v'|tag:my tag = [v]",
                "`tags`.`my tag` = 'v'|tag:my tag = [v]",
                "TAGS.x = 'v'|tag:x = [v]",
                "tags.x = 'it''s'|tag:x = [it's]",
                "tags.x = 'it\\'s'|tag:x = [it's]",
                "tags.x = \"say \"\"hi\"\"\"|tag:x = [say \"hi\"]",
                "tags.x = \"say \\\"hi\\\"\"|tag:x = [say \"hi\"]",
                "tags.x = 'back\\\\slash'|tag:x = [back\\slash]",
                "tags.x = 'keep\\n'|tag:x = [keep\\n]",
                "tags.x = ''|tag:x = []",
                "tags.x = 'día 日本'|tag:x = [día 日本]",
                "tags.日本 = 'v'|tag:日本 = [v]",
                "tags.`a``b` = 'v'|tag:a`b = [v]",
                "attributes.run_id = 'abc'|attribute:run_id = [abc]",
                "attributes.run_uuid != 'abc'|attribute:run_id != [abc]",
                "attributes.run_id IN ('a', 'b')|attribute:run_id IN [a, b]",
                "attributes.run_id in ('a')|attribute:run_id IN [a]",
                "run_id NOT IN ('a','b')|attribute:run_id NOT IN [a, b]",
                "run_id not in (\"a\")|attribute:run_id NOT IN [a]",
                "attr.run_name = 'n'|attribute:run_name = [n]",
                "run.status LIKE 'F%'|attribute:status LIKE [F%]",
                "attribute.user_id ILIKE 'a%'|attribute:user_id ILIKE [a%]",
                "attributes.artifact_uri != 's3://x'|attribute:artifact_uri != [s3://x]",
                "attributes.`Run Name` = 'n'|attribute:run_name = [n]",
                "status = 'FINISHED'|attribute:status = [FINISHED]",
                "attributes.start_time > 100|attribute:start_time > [100]",
                "attributes.start_time > 1.0|attribute:start_time > [1]",
                "attributes.start_time > 1e3|attribute:start_time > [1000]",
                "created <= 100|attribute:start_time <= [100]",
                "Created = 5|attribute:start_time = [5]",
                "attributes.end_time != -1|attribute:end_time != [-1]",
                "dataset.name = 'iris'|dataset:name = [iris]",
                "datasets.digest != 'd'|dataset:digest != [d]",
                "dataset.context LIKE 't%'|dataset:context LIKE [t%]",
                "dataset.name ILIKE 'I%'|dataset:name ILIKE [I%]",
                "dataset.name IN ('a', 'b')|dataset:name IN [a, b]",
                "dataset.context NOT IN ('train')|dataset:context NOT IN [train]",
        }, c -> comparisons(c[0], c[1]));
    }

    private static void comparisons(String filter, String expected) {
        assertEquals(expected, render(parse(filter)));
    }

    @Test
    void numericAttributesBindLongsAndMetricsBindDoubles() {
        assertEquals(List.of(100L), comparison("attributes.start_time > 100").values());
        assertEquals(List.of(Long.MAX_VALUE), comparison("attributes.start_time > 9223372036854775807").values());
        assertEquals(List.of(-5L), comparison("attributes.end_time > -5.000").values());
        assertEquals(List.of(3.0), comparison("metrics.m = 3").values());
        assertEquals(List.of(Double.POSITIVE_INFINITY), comparison("metrics.m < 1e999").values());
    }

    @TestFactory
    Stream<DynamicTest> precedenceAndParentheses() {
        return Table.rows(new String[] {
                "metrics.a > 1 and metrics.b > 2|(metric:a > [1.0] AND metric:b > [2.0])",
                "metrics.a > 1 AND metrics.b > 2 AnD metrics.c > 3|(metric:a > [1.0] AND metric:b > [2.0] AND metric:c > [3.0])",
                "metrics.a > 1 or metrics.b > 2|(metric:a > [1.0] OR metric:b > [2.0])",
                "metrics.a > 1 or metrics.b > 2 and metrics.c > 3|(metric:a > [1.0] OR (metric:b > [2.0] AND metric:c > [3.0]))",
                "metrics.a > 1 and metrics.b > 2 or metrics.c > 3|((metric:a > [1.0] AND metric:b > [2.0]) OR metric:c > [3.0])",
                "(metrics.a > 1 or metrics.b > 2) and metrics.c > 3|((metric:a > [1.0] OR metric:b > [2.0]) AND metric:c > [3.0])",
                "metrics.a > 1 and (metrics.b > 2 or metrics.c > 3)|(metric:a > [1.0] AND (metric:b > [2.0] OR metric:c > [3.0]))",
                "((metrics.a > 1))|metric:a > [1.0]",
                "(metrics.a>1)and(metrics.b>2)|(metric:a > [1.0] AND metric:b > [2.0])",
                "tags.x='a'or tags.y='b'|(tag:x = [a] OR tag:y = [b])",
                "tags.and = 'a' and tags.or = 'b'|(tag:and = [a] AND tag:or = [b])",
        }, c -> precedenceAndParentheses(c[0], c[1]));
    }

    private static void precedenceAndParentheses(String filter, String expected) {
        assertEquals(expected, render(parse(filter)));
    }

    @Test
    void recordsPositions() {
        FilterExpr.And and = assertInstanceOf(FilterExpr.And.class, parse("metrics.a > 1 and  params.b = 'x'"));
        assertEquals(0, ((FilterExpr.Comparison) and.parts().get(0)).position());
        assertEquals(19, ((FilterExpr.Comparison) and.parts().get(1)).position());
    }

    @TestFactory
    Stream<DynamicTest> malformedFiltersAreRejectedWithPosition() {
        return Table.rows(new String[] {
                "params.x = 'abc|unterminated string|11",
                "params.x = \"abc|unterminated string|11",
                "params.`abc = 'x'|unterminated backticked name|7",
                "params.x = 'abc\\'|unterminated string|11",
                "params.x =|missing value|10",
                "params.x|expected a comparison operator|8",
                "params.x 'a'|expected a comparison operator|9",
                "foo.x = 'a'|invalid entity type 'foo'|0",
                "model = 'a'|invalid attribute key 'model'|0",
                "attributes.lifecycle_stage = 'active'|invalid attribute key 'lifecycle_stage'|0",
                "dataset.source = 'a'|invalid dataset key 'source'|0",
                "metrics.x LIKE 'a'|operator 'LIKE' is not supported for metric 'x'|10",
                "metrics.x IN ('a')|operator 'IN' is not supported for metric 'x'|10",
                "params.x > 'a'|operator '>' is not supported for param 'x'|9",
                "tags.x <= 'a'|operator '<=' is not supported for tag 'x'|7",
                "attributes.status IN ('a')|operator 'IN' is not supported for attribute 'status'|18",
                "attributes.run_id LIKE 'a%'|operator 'LIKE' is not supported for attribute 'run_id'|18",
                "attributes.start_time LIKE '1'|operator 'LIKE' is not supported for attribute 'start_time'|22",
                "dataset.name > 'a'|operator '>' is not supported for dataset 'name'|13",
                "metrics.x = '1'|expected a numeric value for metric 'x' but found the quoted string|12",
                "attributes.start_time = '1'|expected a numeric value for attribute 'start_time'|24",
                "attributes.start_time = 1.5|expected an integer value for attribute 'start_time'|24",
                "attributes.start_time = 9223372036854775808|expected an integer value|24",
                "attributes.start_time = 1e999999999|expected an integer value|24",
                "attributes.start_time = 1e-999999999|expected an integer value|24",
                "attributes.start_time = 1e99999999999|expected an integer value|24",
                "params.x = 1|expected a quoted string value for param 'x'|11",
                "tags.x = abc|expected a quoted string value for tag 'x'|9",
                "attributes.status = FINISHED|expected a quoted string value for attribute 'status'|20",
                "params.x = 'a' params.y = 'b'|expected AND, OR or the end of the filter|15",
                "params.x = 'a' and|expected an identifier|18",
                "params.x = 'a' or or params.y = 'b'|expected an identifier|18",
                "and params.x = 'a'|expected an identifier|0",
                "()|empty parentheses|0",
                "params.x = 'a' and ()|empty parentheses|19",
                "(params.x = 'a'|expected ')' to close the '(' at position 0|15",
                "params.x = 'a')|unbalanced ')'|14",
                "run_id IN ()|is empty|10",
                "params.x = ('a')|expected a quoted string value|11",
                "run_id IN 'a'|expected a parenthesised list|10",
                "run_id IN ('a',)|expected a quoted string in the list|15",
                "run_id IN ('a' 'b')|expected ',' or ')'|15",
                "run_id IN ('a', 1)|expected a quoted string in the list|16",
                "run_id IN ('a'|expected ',' or ')'|14",
                "run_id NOT ('a')|expected IN after NOT|11",
                "run_id NOT LIKE 'a'|expected IN after NOT|11",
                "params.x == 'a'|unsupported operator '=='|9",
                "params.x <> 'a'|unsupported operator '<>'|9",
                "params.x ! 'a'|unexpected character '!'|9",
                "params.x = 'a' ; drop|unexpected character ';'|15",
                "params.x = 'a' && params.y = 'b'|unexpected character '&'|15",
                "metrics. > 1|missing key after 'metrics.'|0",
                "metrics.|missing key after 'metrics.'|0",
                "metrics.`a`b > 1|after quoted key|11",
                "metrics.x > 1e|missing exponent digits|12",
                "metrics.x > 1.2.3|invalid number '1.2.3'|12",
                "metrics.x > 12abc|invalid number '12abc'|12",
                "metrics.x > -|unexpected character '-'|12",
                "metrics.x > 1 and not metrics.y > 2|expected an identifier|18",
                "params.x LIKE 'a\\b'|backslash may only escape|14",
                "params.x ILIKE 'a\\'|unterminated string|15",
                "'a' = params.x|expected an identifier|0",
                "1 = 1|expected an identifier|0",
                "params.x IS NULL|expected a comparison operator|9",
                "params.x = 'a' AND params.y BETWEEN 1 AND 2|expected a comparison operator|28",
        }, c -> malformedFiltersAreRejectedWithPosition(c[0], c[1], Integer.parseInt(c[2])));
    }

    private static void malformedFiltersAreRejectedWithPosition(String filter, String problem, int position) {
        String message = rejected(filter).getMessage();
        assertTrue(message.contains(problem), message);
        assertTrue(message.endsWith("at position " + position + "."), message);
        assertTrue(message.startsWith("Invalid filter '"), message);
    }

    @Test
    void nulCharactersAreRejected() {
        rejected("params.x = 'a\u0000'");
        rejected("params.x\u0000 = 'a'");
    }

    @Test
    void nestingUpToTheLimitIsAccepted() {
        int depth = 50;
        String filter = "(".repeat(depth) + "metrics.a > 1" + ")".repeat(depth);
        assertInstanceOf(FilterExpr.Comparison.class, parse(filter));
        String tooDeep = "(" + filter + ")";
        assertTrue(rejected(tooDeep).getMessage().contains("nested deeper than 50"));
    }

    @Test
    void comparisonAndLengthLimits() {
        String hundred = String.join(" and ", java.util.Collections.nCopies(100, "metrics.a > 1"));
        assertEquals(100, assertInstanceOf(FilterExpr.And.class, parse(hundred)).parts().size());
        assertTrue(rejected(hundred + " or metrics.b > 2").getMessage().contains("more than 100 comparisons"));
        String longValue = "params.x = '" + "a".repeat(10_000) + "'";
        assertTrue(rejected(longValue).getMessage().contains("the maximum is 10000"));
        String deepOpen = "(".repeat(5_000);
        assertTrue(rejected(deepOpen).getMessage().contains("nested deeper"));
    }

    @TestFactory
    Stream<DynamicTest> orderByClauses() {
        return Table.rows(new String[] {
                "metrics.rmse|metric:rmse|true",
                "metrics.rmse ASC|metric:rmse|true",
                "metrics.rmse DESC|metric:rmse|false",
                "metrics.rmse desc|metric:rmse|false",
                "metrics.`my metric` desc|metric:my metric|false",
                "tags.`x y` desc|tag:x y|false",
                "params.\"lr rate\" asc|param:lr rate|true",
                "param.lr|param:lr|true",
                "attributes.start_time ASC|attribute:start_time|true",
                "start_time|attribute:start_time|true",
                "created DESC|attribute:start_time|false",
                "attr.run_id|attribute:run_id|true",
                "attributes.run_name|attribute:run_name|true",
                "attributes.status|attribute:status|true",
                "attributes.user_id|attribute:user_id|true",
                "attributes.artifact_uri|attribute:artifact_uri|true",
                "attributes.end_time DESC|attribute:end_time|false",
        }, c -> orderByClauses(c[0], c[1], Boolean.parseBoolean(c[2])));
    }

    private static void orderByClauses(String clause, String field, boolean ascending) {
        OrderTerm t = FilterParser.parseOrderBy(clause, RunFields.INSTANCE);
        assertEquals(field, t.field().kind().label() + ":" + t.field().key());
        assertEquals(ascending, t.ascending());
    }

    @Test
    void malformedOrderByIsRejected() {
        for (String clause : new String[] {"", " ", "ASC", "metrics.rmse sideways", "metrics.rmse ASC DESC", "metrics.rmse, params.x",
            "dataset.name", "foo.bar", "lifecycle_stage", "metrics.", "metrics.rmse > 1", "'metrics.rmse'", "(metrics.rmse)",
            "metrics.`unterminated"}) {
            BallastException e = assertThrows(BallastException.class, () -> FilterParser.parseOrderBy(clause, RunFields.INSTANCE), clause);
            assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, e.code());
            assertTrue(e.getMessage().startsWith("Invalid order_by clause '"), e.getMessage());
        }
    }

    @Test
    void orderByListLimits() {
        assertThrows(BallastException.class, () -> OrderBy.parse(java.util.Collections.nCopies(11, "metrics.a"), RunFields.INSTANCE));
        assertThrows(BallastException.class, () -> OrderBy.parse(List.of("metrics.a", "metric.a DESC"), RunFields.INSTANCE));
        assertThrows(BallastException.class, () -> OrderBy.parse(List.of("start_time", "created DESC"), RunFields.INSTANCE));
        assertThrows(BallastException.class, () -> OrderBy.parse(java.util.Arrays.asList("metrics.a", null), RunFields.INSTANCE));
        List<String> ten = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add("metrics.m" + i);
        }
        assertEquals(10, OrderBy.parse(ten, RunFields.INSTANCE).size());
        assertEquals(List.of(), OrderBy.parse(null, RunFields.INSTANCE));
    }
}
