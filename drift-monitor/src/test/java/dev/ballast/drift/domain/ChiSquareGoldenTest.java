package dev.ballast.drift.domain;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Golden test of the categorical test against SciPy 1.17.1's {@code scipy.stats.chi2_contingency} (defaults: Yates'
 * correction for one degree of freedom), expectations in {@code golden/chi2-golden.json}.
 */
class ChiSquareGoldenTest {

    @Test
    @SuppressWarnings("unchecked")
    void statisticPValueAndDegreesOfFreedomEqualScipy() throws IOException {
        Map<String, Object> golden = Golden.read("/golden/chi2-golden.json");
        assertEquals("1.17.1", golden.get("scipy"));
        double maxStat = 0;
        double maxP = 0;
        List<Map<String, Object>> cases = (List<Map<String, Object>>) golden.get("cases");
        for (Map<String, Object> c : cases) {
            ChiSquare.Result r = ChiSquare.test(counts(c.get("reference")), counts(c.get("current")));
            String name = (String) c.get("name");
            double stat = ((Number) c.get("statistic")).doubleValue();
            double p = ((Number) c.get("pvalue")).doubleValue();
            assertEquals(((Number) c.get("dof")).intValue(), r.degreesOfFreedom(), name);
            assertEquals(stat, r.statistic(), 1e-9 * Math.max(1, stat), name);
            assertEquals(p, r.pValue(), 1e-6, name);
            maxStat = Math.max(maxStat, Math.abs(stat - r.statistic()));
            maxP = Math.max(maxP, Math.abs(p - r.pValue()));
        }
        System.out.printf(Locale.ROOT, "chi-square golden: %d cases, max |stat - scipy| = %.2e, max |p - scipy| = %.2e%n",
                cases.size(), maxStat, maxP);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> counts(Object json) {
        Map<String, Long> out = new HashMap<>();
        ((Map<String, Object>) json).forEach((k, v) -> out.put(k, ((Number) v).longValue()));
        return out;
    }
}
