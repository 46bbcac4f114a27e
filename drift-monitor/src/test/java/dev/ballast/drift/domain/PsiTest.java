package dev.ballast.drift.domain;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PsiTest {

    @Test
    void identicalSamplesHaveZeroPsi() {
        double[] x = range(1000, 0);
        assertEquals(0.0, Psi.numeric(x, x, 10), 1e-15);
    }

    @Test
    void binsAreReferenceDecilesAndTheFormulaIsTheUsualOne() {
        double[] ref = range(100, 0); // 0..99, deciles at 9.9, 19.8, ...
        assertArrayEquals(new double[] {9.9, 19.8, 29.7, 39.6, 49.5, 59.4, 69.3, 79.2, 89.1}, Psi.edges(ref, 10), 1e-12);
        // current: 0..49 twice -> the lower five bins hold 20% each, the upper five nothing (epsilon)
        double[] cur = new double[100];
        for (int i = 0; i < 100; i++) {
            cur[i] = i / 2;
        }
        java.util.Arrays.sort(cur);
        double expected = 5 * (0.2 - 0.1) * Math.log(0.2 / 0.1) + 5 * (Psi.EPSILON - 0.1) * Math.log(Psi.EPSILON / 0.1);
        assertEquals(expected, Psi.numeric(ref, cur, 10), 1e-12);
    }

    @Test
    void tiedReferenceMergesEqualEdges() {
        double[] ref = new double[100];
        for (int i = 50; i < 100; i++) {
            ref[i] = 1;
        }
        assertArrayEquals(new double[] {0.0, 0.5, 1.0}, Psi.edges(ref, 10), 0.0); // the median interpolates
        assertEquals(0.0, Psi.numeric(ref, ref, 10), 1e-15);
    }

    @Test
    void categoricalPsiCountsNewCategoriesWithEpsilon() {
        double psi = Psi.categorical(Map.of("a", 50L, "b", 50L), Map.of("a", 50L, "b", 40L, "c", 10L));
        double expected = (0.4 - 0.5) * Math.log(0.4 / 0.5) + (0.1 - Psi.EPSILON) * Math.log(0.1 / Psi.EPSILON);
        assertEquals(expected, psi, 1e-12);
        assertTrue(psi > 0.25, "a new category with 10% of the values is a large change");
    }

    private static double[] range(int n, double from) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = from + i;
        }
        return out;
    }
}
