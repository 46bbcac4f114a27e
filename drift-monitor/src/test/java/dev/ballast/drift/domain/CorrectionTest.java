package dev.ballast.drift.domain;

import dev.ballast.core.error.BallastException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Expectations from statsmodels' {@code multipletests(p, method='bonferroni' | 'fdr_bh')} (statsmodels 0.14). */
class CorrectionTest {
    private static final double[] P = {0.01, 0.04, 0.03, 0.005, 0.5};

    @Test
    void bonferroniMultipliesByTheNumberOfTestsCappedAtOne() {
        assertArrayEquals(new double[] {0.05, 0.2, 0.15, 0.025, 1.0}, Correction.BONFERRONI.adjust(P), 1e-15);
    }

    @Test
    void benjaminiHochbergIsTheStepUpMinimum() {
        // sorted: 0.005 0.01 0.03 0.04 0.5 -> *5/rank: 0.025 0.025 0.05 0.05 0.5, then running minimum from the top
        assertArrayEquals(new double[] {0.025, 0.05, 0.05, 0.025, 0.5}, Correction.BENJAMINI_HOCHBERG.adjust(P), 1e-15);
    }

    @Test
    void noneKeepsThePValues() {
        assertArrayEquals(P, Correction.NONE.adjust(P), 0.0);
        assertEquals(0, Correction.BONFERRONI.adjust(new double[0]).length);
    }

    @Test
    void parsesNamesAndRefusesUnknownOnes() {
        assertEquals(Correction.BENJAMINI_HOCHBERG, Correction.parse("Benjamini-Hochberg"));
        assertEquals(Correction.BENJAMINI_HOCHBERG, Correction.parse("bh"));
        assertEquals(Correction.BONFERRONI, Correction.parse("BONFERRONI"));
        assertEquals(Correction.NONE, Correction.parse("none"));
        assertThrows(BallastException.class, () -> Correction.parse("holm"));
    }
}
