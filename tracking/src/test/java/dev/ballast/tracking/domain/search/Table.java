package dev.ballast.tracking.domain.search;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.ThrowingConsumer;

import java.util.Arrays;
import java.util.stream.Stream;

/**
 * Table-driven tests without junit-jupiter-params: each row is {@code |}-separated columns
 * (not trimmed, so blank values survive) and becomes one dynamic test named after the row.
 */
final class Table {
    private Table() {
    }

    static Stream<DynamicTest> rows(String[] rows, ThrowingConsumer<String[]> check) {
        return Arrays.stream(rows).map(row -> DynamicTest.dynamicTest(row.isBlank() ? "'" + row + "'" : row,
                () -> check.accept(row.split("\\|", -1))));
    }
}
