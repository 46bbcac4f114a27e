package dev.ballast.drift.domain;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class FeatureHistogramTest {

    @Test
    void sharesEqualWidthEdgesOverBothSidesAndCountsEveryValue() {
        double[] reference = {0, 1, 2, 3, 4};
        double[] current = {4, 6, 8, 10};
        FeatureHistogram h = FeatureHistogram.of("x", reference, current, 5);
        assertArrayEquals(new double[] {0, 2, 4, 6, 8, 10}, h.edges(), 1e-12);
        // [0,2) [2,4) [4,6) [6,8) [8,10]: an edge value belongs to the bin it opens, the last edge to the last bin
        assertArrayEquals(new long[] {2, 2, 1, 0, 0}, h.reference());
        assertArrayEquals(new long[] {0, 0, 1, 1, 2}, h.current());
    }

    @Test
    void oneValueEverywhereIsOneBin() {
        FeatureHistogram h = FeatureHistogram.of("x", new double[] {3, 3}, new double[] {3}, 20);
        assertArrayEquals(new double[] {3, 3}, h.edges());
        assertArrayEquals(new long[] {2}, h.reference());
        assertArrayEquals(new long[] {1}, h.current());
    }

    @Test
    void anEmptySideCountsZeroOnTheOtherSidesEdges() {
        FeatureHistogram h = FeatureHistogram.of("x", new double[] {-1, 0, 1}, new double[0], 2);
        assertArrayEquals(new double[] {-1, 0, 1}, h.edges());
        assertArrayEquals(new long[] {1, 2}, h.reference());
        assertArrayEquals(new long[] {0, 0}, h.current());
        assertNull(FeatureHistogram.of("x", new double[0], new double[0], 20), "nothing to draw");
    }

    @Test
    void rangesWiderThanTheDoubleRangeDoNotOverflow() {
        FeatureHistogram h = FeatureHistogram.of("x", new double[] {-Double.MAX_VALUE, 0}, new double[] {Double.MAX_VALUE}, 4);
        assertEquals(5, h.edges().length);
        assertEquals(-Double.MAX_VALUE, h.edges()[0]);
        assertEquals(Double.MAX_VALUE, h.edges()[4]);
        for (double e : h.edges()) {
            assertEquals(true, Double.isFinite(e), Arrays.toString(h.edges()));
        }
        assertEquals(2, Arrays.stream(h.reference()).sum());
        assertEquals(1, Arrays.stream(h.current()).sum());
    }

    @Test
    void twentyBinsOfALargeSampleAddUpToItsSize() {
        double[] reference = new double[10_000];
        double[] current = new double[7_000];
        for (int i = 0; i < reference.length; i++) {
            reference[i] = i / 10_000.0;
        }
        for (int i = 0; i < current.length; i++) {
            current[i] = 0.5 + i / 7_000.0;
        }
        FeatureHistogram h = FeatureHistogram.of("x", reference, current, FeatureHistogram.BINS);
        assertEquals(21, h.edges().length);
        assertEquals(10_000, Arrays.stream(h.reference()).sum());
        assertEquals(7_000, Arrays.stream(h.current()).sum());
        assertEquals(0, h.current()[0], "the current sample starts at 0.5");
        assertEquals(0, h.reference()[19], "the reference ends below 1.0");
    }
}
