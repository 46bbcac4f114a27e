package dev.ballast.drift.domain;

import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden test of the two-sample KS test against SciPy 1.17.1 ({@code scipy.stats.ks_2samp}, numpy 2.4.6, Python 3),
 * expectations in {@code golden/ks-golden.json} written by {@code golden/generate_golden.py}: D and p-value within
 * 1e-6 on every case, with SciPy's {@code method} set to the one Ballast chose ('exact' below n * m = 10000, 'asymp'
 * above).
 */
class KsGoldenTest {
    private static final double TOLERANCE = 1e-6;
    private static Map<String, Object> golden;

    @BeforeAll
    static void load() throws IOException {
        golden = Golden.read("/golden/ks-golden.json");
    }

    @Test
    void goldenFileNamesTheScipyVersionThisTestNames() {
        assertEquals("1.17.1", golden.get("scipy"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void statisticAndPValueEqualScipyWithinOneMillionth() {
        List<Map<String, Object>> cases = (List<Map<String, Object>>) golden.get("cases");
        assertTrue(cases.size() >= 20, "at least 20 golden vectors");
        KsTest test = new KsTest();
        KolmogorovSmirnovTest commons = new KolmogorovSmirnovTest();
        double maxD = 0;
        double maxP = 0;
        double maxApproximatePDiff = 0;
        List<String> failures = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        for (Map<String, Object> c : cases) {
            double[] x = Golden.sample(c.get("x"));
            double[] y = Golden.sample(c.get("y"));
            double[] sx = x.clone();
            double[] sy = y.clone();
            Arrays.sort(sx);
            Arrays.sort(sy);
            KsResult r = test.sorted(sx, sy);
            String method = (String) c.get("method");
            double d = ((Number) c.get("statistic")).doubleValue();
            double p = ((Number) c.get("pvalue")).doubleValue();
            double dd = Math.abs(r.statistic() - d);
            double dp = Math.abs(r.pValue() - p);
            maxD = Math.max(maxD, dd);
            maxP = Math.max(maxP, dp);
            if (r.method() == KsMethod.ASYMPTOTIC) {
                maxApproximatePDiff = Math.max(maxApproximatePDiff, Math.abs(commons.approximateP(r.statistic(), x.length, y.length) - p));
            }
            String expectedMethod = method.equals("exact") ? "exact" : "asymptotic";
            table.append(String.format(Locale.ROOT, "%-48s %-10s n=%-6d m=%-6d D=%.10f |dD|=%.1e p=%.10e |dp|=%.1e%n",
                    c.get("name"), r.method().id(), x.length, y.length, r.statistic(), dd, r.pValue(), dp));
            if (!r.method().id().equals(expectedMethod) || dd > TOLERANCE || dp > TOLERANCE) {
                failures.add(c.get("name") + ": method " + r.method().id() + " vs " + method + ", D " + r.statistic() + " vs " + d
                        + ", p " + r.pValue() + " vs " + p);
            }
            // The statistic on sorted input is commons-math's, bit for bit.
            assertEquals(commons.kolmogorovSmirnovStatistic(x, y), r.statistic(), 0.0, (String) c.get("name"));
        }
        System.out.print(table);
        System.out.printf(Locale.ROOT, "KS golden: %d cases, max |D - scipy| = %.2e, max |p - scipy| = %.2e; "
                + "commons-math approximateP (limiting distribution) would differ by up to %.2e%n", cases.size(), maxD, maxP,
                maxApproximatePDiff);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
