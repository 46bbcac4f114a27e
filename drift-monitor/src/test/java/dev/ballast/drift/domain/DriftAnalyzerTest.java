package dev.ballast.drift.domain;

import dev.ballast.core.error.BallastException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DriftAnalyzerTest {
    private final DriftAnalyzer analyzer = new DriftAnalyzer();

    @Test
    void tooFewValuesIsInsufficientDataNotNoDrift() {
        FeaturePair small = pair("f", normal(1, 50, 0), normal(2, 500, 5));
        DriftReport r = analyzer.analyze(List.of(small), DriftSettings.defaults());
        assertEquals(DriftVerdict.INSUFFICIENT_DATA, r.verdict());
        FeatureDrift f = r.features().get(0);
        assertEquals(DriftVerdict.INSUFFICIENT_DATA, f.verdict());
        assertNull(f.pValue());
        assertEquals(50, f.referenceSize());
        assertEquals(0, r.tested());
        assertEquals(1, r.insufficient());
    }

    @Test
    void insufficientFeaturesDoNotCountInTheCorrectionOrTheShare() {
        DriftReport r = analyzer.analyze(List.of(
                pair("shifted", normal(1, 500, 0), normal(2, 500, 1)),
                pair("same", normal(3, 500, 0), normal(4, 500, 0)),
                pair("tiny", normal(5, 10, 0), normal(6, 10, 0))), DriftSettings.defaults());
        assertEquals(2, r.tested());
        assertEquals(1, r.drifted());
        assertEquals(0.5, r.driftedShare());
        assertEquals(DriftVerdict.DRIFT, r.verdict(), "one of two tested features reaches the default threshold 0.5");
        FeatureDrift shifted = r.features().get(0);
        assertEquals(Math.min(1, shifted.pValue() * 2), shifted.adjustedPValue(), 1e-15, "Bonferroni over two tests");
        assertEquals("asymptotic", shifted.method());
        assertTrue(shifted.psi() > 0.25);
    }

    @Test
    void thresholdDecidesTheDatasetVerdict() {
        List<FeaturePair> features = List.of(
                pair("shifted", normal(1, 500, 0), normal(2, 500, 1)),
                pair("same", normal(3, 500, 0), normal(4, 500, 0)));
        DriftSettings strict = new DriftSettings(0.05, Correction.BONFERRONI, 0.75, 100, 10);
        assertEquals(DriftVerdict.NO_DRIFT, analyzer.analyze(features, strict).verdict());
    }

    @Test
    void correctionChangesWhichFeaturesDrift() {
        // two features with p near 0.03: drifted without correction, not with Bonferroni over two
        List<FeaturePair> features = List.of(pair("a", normal(11, 200, 0), normal(12, 200, 0.22)),
                pair("b", normal(13, 200, 0), normal(14, 200, 0.22)));
        DriftReport none = analyzer.analyze(features, new DriftSettings(0.05, Correction.NONE, 0.5, 100, 10));
        DriftReport bonf = analyzer.analyze(features, new DriftSettings(0.05, Correction.BONFERRONI, 0.5, 100, 10));
        DriftReport bh = analyzer.analyze(features, new DriftSettings(0.05, Correction.BENJAMINI_HOCHBERG, 0.5, 100, 10));
        for (int i = 0; i < 2; i++) {
            double p = none.features().get(i).pValue();
            assertEquals(p, none.features().get(i).adjustedPValue());
            assertEquals(Math.min(1, 2 * p), bonf.features().get(i).adjustedPValue(), 1e-15);
            assertTrue(bh.features().get(i).adjustedPValue() <= bonf.features().get(i).adjustedPValue());
        }
    }

    @Test
    void categoricalFeaturesUseChiSquare() {
        FeaturePair colour = new FeaturePair("colour", new FeatureSample.Categorical(Map.of("red", 300L, "blue", 200L), 0),
                new FeatureSample.Categorical(Map.of("red", 200L, "blue", 250L, "green", 50L), 3));
        FeatureDrift f = analyzer.analyze(List.of(colour), DriftSettings.defaults()).features().get(0);
        assertEquals("chi_square", f.test());
        assertEquals(2, f.degreesOfFreedom());
        assertEquals(DriftVerdict.DRIFT, f.verdict());
        assertEquals(3, f.currentDropped());
    }

    @Test
    void nonFiniteValuesAreDroppedAndCounted() {
        FeatureSample.Numeric s = FeatureSample.Numeric.of(new double[] {3, Double.NaN, 1, Double.POSITIVE_INFINITY, 2}, 5, 2);
        assertEquals(3, s.size());
        assertEquals(4, s.dropped());
        assertEquals(List.of(1.0, 2.0, 3.0), java.util.Arrays.stream(s.sorted()).boxed().toList());
    }

    @Test
    void verdictsAreRepeatable() {
        List<FeaturePair> features = List.of(pair("a", normal(21, 300, 0), normal(22, 3000, 0.1)));
        assertEquals(analyzer.analyze(features, DriftSettings.defaults()), new DriftAnalyzer().analyze(features, DriftSettings.defaults()));
    }

    @Test
    void settingsAreChecked() {
        assertThrows(BallastException.class, () -> new DriftSettings(0, Correction.NONE, 0.5, 100, 10));
        assertThrows(BallastException.class, () -> new DriftSettings(1, Correction.NONE, 0.5, 100, 10));
        assertThrows(BallastException.class, () -> new DriftSettings(0.05, Correction.NONE, 0, 100, 10));
        assertThrows(BallastException.class, () -> new DriftSettings(0.05, Correction.NONE, 0.5, 1, 10));
    }

    private static FeaturePair pair(String name, double[] ref, double[] cur) {
        return new FeaturePair(name, FeatureSample.Numeric.of(ref, ref.length, 0), FeatureSample.Numeric.of(cur, cur.length, 0));
    }

    private static double[] normal(long seed, int n, double shift) {
        Random r = new Random(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = r.nextGaussian() + shift;
        }
        return out;
    }
}
