package dev.ballast.tracking.domain.dataset.scan;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Selection equals reading the sorted array, whatever the spread of the values (wide, narrow, constant, signed). */
class QuantileSelectorTest {
    private static void check(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = values.length;
        long[] ranks = {0, n / 100, n / 20, n / 4, n / 4 + 1, n / 2, n / 2, 3L * n / 4, n - 2, n - 1};
        Arrays.sort(ranks);
        long[] expected = new long[ranks.length];
        for (int i = 0; i < ranks.length; i++) {
            expected[i] = sorted[(int) ranks[i]];
        }
        long[] copy = values.clone();
        assertArrayEquals(expected, QuantileSelector.select(copy, n, ranks));
        assertArrayEquals(values, copy, "the input is left as it was");
    }

    @Property(tries = 60)
    void equalsSortedOrder(@ForAll @IntRange(min = 2, max = 60_000) int n, @ForAll @IntRange(min = 0, max = 5) int shape,
                           @ForAll long seed) {
        Random r = new Random(seed);
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (shape) {
                case 0 -> r.nextLong();
                case 1 -> r.nextInt(1000) - 500;
                case 2 -> 42;
                case 3 -> SortableDouble.toSortable(r.nextGaussian() * 1e6);
                case 4 -> SortableDouble.toSortable(1 + r.nextDouble());
                default -> r.nextInt(3) == 0 ? Long.MIN_VALUE + r.nextInt(5) : Long.MAX_VALUE - r.nextInt(5);
            };
        }
        check(v);
    }

    @Test
    void manyEqualValuesAroundTheRanks() {
        long[] v = new long[100_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 7 == 0 ? 5 : (i % 2 == 0 ? 5 : i);
        }
        check(v);
    }
}
