package dev.ballast.registry.domain.gate;

import org.junit.jupiter.api.DynamicTest;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Table-driven cases as dynamic tests: each row is {@code |}-separated cells, trimmed. (The
 * registry's test classpath has JUnit's API but not its params module.)
 */
final class Table {
    private Table() {
    }

    static Stream<DynamicTest> rows(Consumer<String[]> check, String... rows) {
        return Arrays.stream(rows).map(row -> DynamicTest.dynamicTest(row, () -> check.accept(
                Arrays.stream(row.split("\\|", -1)).map(String::strip).toArray(String[]::new))));
    }
}
