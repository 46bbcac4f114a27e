package dev.ballast.tracking.domain.dataset.scan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.ballast.tracking.domain.dataset.scan.Fixtures.scanCsv;
import static dev.ballast.tracking.domain.dataset.scan.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Statistics against numpy: the reference values were computed offline with numpy 2.4 (np.mean, np.std(ddof=1),
 * np.percentile with the default linear method, np.histogram(x, 20)) on the same fixture text.
 */
class ProfileStatsTest {
    private static final double TOLERANCE = 1e-9;

    @TempDir
    Path dir;

    record Ref(String column, long count, double mean, double std, double min, double max, double[] percentiles,
               double[] edges, long[] counts) {
    }

    /** numpy on Fixtures.metricsCsv(5000, 42). */
    private static final List<Ref> METRICS = List.of(
            new Ref("a", 5000L, 1794.1662, 581748.5873779145, -999023.0, 1000000.0,
                    new double[] {-980667.41, -908555.4, -500478.75, 5740.0, 517994.0, 900207.5500000004, 982645.3800000001},
                    new double[] {-999023.0, -899071.85, -799120.7, -699169.55, -599218.4, -499267.25, -399316.1000000001,
                        -299364.95000000007, -199413.80000000005, -99462.65000000002, 488.5, 100439.6499999999, 200390.7999999998,
                        300341.94999999995, 400293.09999999986, 500244.25, 600195.3999999999, 700146.5499999998, 800097.7,
                        900048.8499999999, 1000000.0},
                    new long[] {274L, 239L, 251L, 252L, 237L, 266L, 232L, 250L, 235L, 255L, 248L, 264L, 231L, 228L, 253L, 243L,
                        284L, 265L, 242L, 251L}),
            new Ref("b", 4507L, 510.21745285112047, 651.0368827502526, -745.074, 2249.925,
                    new double[] {-648.17142, -385.4004, 14.338999999999999, 424.896, 901.328, 1785.0624, 2156.766539999999},
                    new double[] {-745.074, -595.3240499999999, -445.57409999999993, -295.8241499999999, -146.0741999999999,
                        3.6757500000001073, 153.42570000000012, 303.17565000000025, 452.92560000000014, 602.67555, 752.4255000000002,
                        902.1754500000003, 1051.9254, 1201.67535, 1351.4253000000003, 1501.1752500000002, 1650.9252000000001,
                        1800.67515, 1950.4251, 2100.1750500000003, 2249.925},
                    new long[] {75L, 90L, 159L, 375L, 396L, 415L, 441L, 386L, 441L, 420L, 185L, 168L, 196L, 180L, 188L, 83L, 95L,
                        75L, 67L, 72L}),
            new Ref("c", 5000L, 4.4386, 2.859277029779837, 0.0, 9.0,
                    new double[] {0.0, 0.0, 2.0, 4.0, 7.0, 9.0, 9.0},
                    new double[] {0.0, 0.45, 0.9, 1.35, 1.8, 2.25, 2.7, 3.15, 3.6, 4.05, 4.5, 4.95, 5.4, 5.8500000000000005, 6.3,
                        6.75, 7.2, 7.65, 8.1, 8.55, 9.0},
                    new long[] {508L, 0L, 501L, 0L, 533L, 0L, 506L, 0L, 509L, 0L, 0L, 475L, 0L, 492L, 0L, 532L, 0L, 475L, 0L, 469L}),
            new Ref("e", 5000L, 80032.644925444, 205658.7682460226, 0.0007, 999960.0,
                    new double[] {0.055048900000000005, 0.29482700000000006, 6.4711, 467.78999999999996, 20520.75, 646555.0,
                        938398.4000000008},
                    new double[] {0.0007, 49998.000665, 99996.00063000001, 149994.00059500002, 199992.00056000001, 249990.000525,
                        299988.00049, 349986.000455, 399984.00042, 449982.000385, 499980.00035, 549978.000315, 599976.00028,
                        649974.000245, 699972.00021, 749970.000175, 799968.00014, 849966.000105, 899964.0000700001, 949962.000035,
                        999960.0},
                    new long[] {3960L, 379L, 56L, 27L, 34L, 31L, 44L, 33L, 38L, 43L, 37L, 29L, 43L, 30L, 31L, 37L, 34L, 41L, 30L,
                        43L}));

    static void close(double expected, double actual, String what) {
        double scale = Math.max(Math.abs(expected), Math.abs(actual));
        assertTrue(Math.abs(expected - actual) <= TOLERANCE * scale || expected == actual,
                what + ": expected " + expected + " but was " + actual);
    }

    static void close(double[] expected, List<Double> actual, String what) {
        assertEquals(expected.length, actual.size(), what);
        for (int i = 0; i < expected.length; i++) {
            close(expected[i], actual.get(i), what + "[" + i + "]");
        }
    }

    private static void check(Ref ref, ColumnProfile c) {
        NumericStats s = c.numeric();
        assertEquals(ref.count(), c.count(), ref.column());
        close(ref.mean(), s.mean(), ref.column() + " mean");
        close(ref.std(), s.std(), ref.column() + " std");
        assertEquals(ref.min(), s.min(), ref.column() + " min");
        assertEquals(ref.max(), s.max(), ref.column() + " max");
        close(ref.percentiles(), new ArrayList<>(s.quantiles().values()), ref.column() + " percentiles");
        assertEquals(List.of("p1", "p5", "p25", "p50", "p75", "p95", "p99"), new ArrayList<>(s.quantiles().keySet()));
        close(ref.edges(), s.histogram().edges(), ref.column() + " edges");
        assertEquals(LongList.of(ref.counts()), s.histogram().counts(), ref.column() + " counts");
    }

    @Test
    void metricsFixtureMatchesNumpy() throws IOException {
        DatasetProfile p = scanCsv(dir, Fixtures.metricsCsv(5000, 42)).profile();
        assertEquals(5000, p.rows());
        for (Ref ref : METRICS) {
            check(ref, p.column(ref.column()).orElseThrow());
        }
        assertEquals(ColumnType.INTEGER, p.column("a").orElseThrow().type());
        assertEquals(ColumnType.DOUBLE, p.column("b").orElseThrow().type());
        assertEquals(493, p.column("b").orElseThrow().missing());
        assertEquals(ColumnType.INTEGER, p.column("c").orElseThrow().type());
        assertEquals(ColumnType.DOUBLE, p.column("e").orElseThrow().type());

        ColumnProfile flag = p.column("flag").orElseThrow();
        assertEquals(ColumnType.BOOLEAN, flag.type());
        assertEquals(new CategoricalStats(2, false, List.of(new ValueCount("false", 2581), new ValueCount("true", 2419))),
                flag.categorical());
        ColumnProfile cat = p.column("cat").orElseThrow();
        assertEquals(ColumnType.STRING, cat.type());
        assertEquals(7, cat.categorical().distinct());
        assertEquals(List.of(new ValueCount("red", 1281), new ValueCount("green", 1154), new ValueCount("blue", 940),
                new ValueCount("cyan", 726), new ValueCount("magenta", 491), new ValueCount("yellow", 311),
                new ValueCount("black", 97)), cat.categorical().top());
        ColumnProfile id = p.column("id").orElseThrow();
        assertEquals(5000, id.categorical().distinct());
        assertFalse(id.categorical().approximate());
        assertEquals(10, id.categorical().top().size());
        assertEquals(new ValueCount("r00000", 1), id.categorical().top().get(0), "ties by value ascending");
    }

    /** numpy on small arrays: [values] -> std, percentiles, 20-bin edges, counts. */
    @Test
    void smallColumnsMatchNumpy() throws IOException {
        check(new Ref("x", 1, 3.5, Double.NaN, 3.5, 3.5, new double[] {3.5, 3.5, 3.5, 3.5, 3.5, 3.5, 3.5},
                new double[] {3.0, 3.05, 3.1, 3.15, 3.2, 3.25, 3.3, 3.35, 3.4, 3.45, 3.5, 3.55, 3.6, 3.65, 3.7, 3.75, 3.8, 3.85,
                    3.9, 3.95, 4.0},
                new long[] {0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L}), "3.5", true);
        check(new Ref("x", 3, 3.5, 0.0, 3.5, 3.5, new double[] {3.5, 3.5, 3.5, 3.5, 3.5, 3.5, 3.5},
                new double[] {3.0, 3.05, 3.1, 3.15, 3.2, 3.25, 3.3, 3.35, 3.4, 3.45, 3.5, 3.55, 3.6, 3.65, 3.7, 3.75, 3.8, 3.85,
                    3.9, 3.95, 4.0},
                new long[] {0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 3L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L}), "3.5,3.5,3.5", false);
        check(new Ref("x", 2, 1.5, 0.7071067811865476, 1.0, 2.0, new double[] {1.01, 1.05, 1.25, 1.5, 1.75, 1.95, 1.99},
                new double[] {1.0, 1.05, 1.1, 1.15, 1.2, 1.25, 1.3, 1.35, 1.4, 1.45, 1.5, 1.55, 1.6, 1.65, 1.7000000000000002,
                    1.75, 1.8, 1.85, 1.9, 1.9500000000000002, 2.0},
                new long[] {1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 1L}), "1,2.0", false);
        check(new Ref("x", 4, 1.31275, 4.0689577187120864, -2.0, 7.25,
                new double[] {-1.94, -1.7, -0.5, 0.0005, 1.8132499999999998, 6.1626499999999975, 7.032529999999999},
                new double[] {-2.0, -1.5375, -1.075, -0.6124999999999998, -0.1499999999999999, 0.3125, 0.7750000000000004,
                    1.2375000000000003, 1.7000000000000002, 2.1625000000000005, 2.625, 3.0875000000000004, 3.5500000000000007,
                    4.0125, 4.4750000000000005, 4.9375, 5.4, 5.862500000000001, 6.325000000000001, 6.7875, 7.25},
                new long[] {1L, 0L, 0L, 0L, 2L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 1L}), "-2,0,7.25,1e-3", false);
        // values that sit on floating-point bin edges (0.3 < 0.30000000000000004)
        check(new Ref("x", 11, 0.6, 0.33166247903554, 0.1, 1.1,
                new double[] {0.11000000000000001, 0.15000000000000002, 0.35, 0.6, 0.8500000000000001, 1.05, 1.09},
                new double[] {0.1, 0.15000000000000002, 0.2, 0.25, 0.30000000000000004, 0.35, 0.4, 0.45000000000000007, 0.5, 0.55,
                    0.6, 0.65, 0.7000000000000001, 0.75, 0.8, 0.85, 0.9, 0.9500000000000001, 1.0, 1.05, 1.1},
                new long[] {1L, 0L, 1L, 1L, 0L, 0L, 1L, 0L, 1L, 0L, 1L, 1L, 0L, 0L, 1L, 0L, 1L, 0L, 1L, 1L}),
                "0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1.0,1.1", false);
    }

    private void check(Ref ref, String values, boolean noStd) throws IOException {
        String csv = "x\n" + String.join("\n", values.split(",")) + "\n";
        Path d = dir.resolve("s" + System.nanoTime());
        ColumnProfile c = scanCsv(d, csv).profile().column("x").orElseThrow();
        if (noStd) {
            assertNull(c.numeric().std(), "std needs two values");
            check(new Ref(ref.column(), ref.count(), ref.mean(), 0, ref.min(), ref.max(), ref.percentiles(), ref.edges(),
                    ref.counts()), withStd(c, 0.0));
        } else {
            check(ref, c);
        }
    }

    private static ColumnProfile withStd(ColumnProfile c, double std) {
        NumericStats s = c.numeric();
        return new ColumnProfile(c.name(), c.index(), c.type(), c.count(), c.missing(),
                new NumericStats(s.mean(), std, s.min(), s.max(), s.infinite(), s.quantiles(), s.histogram()), c.categorical());
    }

    @Test
    void histogramBinsSetting() throws IOException {
        // numpy.histogram([-2, 0, 7.25, 1e-3, 3, 3, 5.5], 4)
        ScanSettings s = ScanSettings.defaults().withHistogramBins(4);
        ColumnProfile c = Fixtures.scan(DatasetFormat.CSV, dir, s, utf8("x\n-2\n0\n7.25\n1e-3\n3\n3\n5.5\n")).profile()
                .column("x").orElseThrow();
        assertEquals(List.of(-2.0, 0.3125, 2.625, 4.9375, 7.25), c.numeric().histogram().edges());
        assertEquals(List.of(3L, 0L, 2L, 2L), c.numeric().histogram().counts());
    }

    @Test
    void allMissingColumnIsEmpty() throws IOException {
        ColumnProfile c = scanCsv(dir, "a,b\n1,\n2,NA\n3,null\n").profile().column("b").orElseThrow();
        assertEquals(new ColumnProfile("b", 1, ColumnType.EMPTY, 0, 3, null, null), c);
        assertEquals(List.of("col-0.f64", "rows.h64"), Fixtures.fileNames(dir), "no column file for an empty column");
    }

    @Test
    void infinitiesAreCountedApart() throws IOException {
        ColumnProfile c = scanCsv(dir, "x\n1\ninf\n-inf\nInfinity\n-Infinity\n1e999\n-1e999\n3\nNA\n").profile()
                .column("x").orElseThrow();
        assertEquals(ColumnType.DOUBLE, c.type(), "an infinity makes an integer column DOUBLE");
        assertEquals(2, c.count());
        assertEquals(1, c.missing());
        assertEquals(6, c.numeric().infinite());
        assertEquals(2.0, c.numeric().mean());
        assertEquals(3.0, c.numeric().max());
        assertEquals(2, SortedColumn.open(new DerivedLayout(dir).column(0)).count());
    }

    @Test
    void onlyInfinitiesGiveNoNumericStatsButAnEmptyColumnFile() throws IOException {
        ColumnProfile c = scanCsv(dir, "x\ninf\n-inf\n").profile().column("x").orElseThrow();
        assertEquals(ColumnType.DOUBLE, c.type());
        assertEquals(0, c.count());
        assertNull(c.numeric());
        try (SortedColumn col = SortedColumn.open(new DerivedLayout(dir).column(0))) {
            assertEquals(0, col.count());
        }
    }

    @Test
    void typeLattice() throws IOException {
        DatasetProfile p = scanCsv(dir, "i,d,b,bn,s,big\n1,1,true,true,1,9223372036854775807\n2,2.5,False,1,x,9223372036854775808\n")
                .profile();
        assertEquals(ColumnType.INTEGER, p.column("i").orElseThrow().type());
        assertEquals(ColumnType.DOUBLE, p.column("d").orElseThrow().type());
        assertEquals(ColumnType.BOOLEAN, p.column("b").orElseThrow().type());
        assertEquals(ColumnType.STRING, p.column("bn").orElseThrow().type(), "booleans mixed with numbers are strings");
        assertEquals(List.of(new ValueCount("1", 1), new ValueCount("true", 1)),
                p.column("bn").orElseThrow().categorical().top());
        assertEquals(ColumnType.STRING, p.column("s").orElseThrow().type());
        assertEquals(ColumnType.DOUBLE, p.column("big").orElseThrow().type(), "beyond a long is a double");
    }

    @Test
    void topValuesAndTies() throws IOException {
        String csv = "v\n" + "b\na\nc\nb\na\nd\n";
        ScanSettings s = ScanSettings.defaults().withTopValues(3);
        CategoricalStats c = Fixtures.scan(DatasetFormat.CSV, dir, s, utf8(csv)).profile().column("v").orElseThrow().categorical();
        assertEquals(new CategoricalStats(4, false, List.of(new ValueCount("a", 2), new ValueCount("b", 2), new ValueCount("c", 1))), c);
    }

    @Test
    void approximateDistinctBeyondTheExactLimit() throws IOException {
        int n = 20_000;
        String csv = "v\n" + IntStream.range(0, n).mapToObj(i -> i % 7 == 0 ? "hot" : "k" + i).collect(Collectors.joining("\n")) + "\n";
        ScanSettings s = ScanSettings.defaults().withDistinctExactLimit(100);
        CategoricalStats c = Fixtures.scan(DatasetFormat.CSV, dir, s, utf8(csv)).profile().column("v").orElseThrow().categorical();
        assertTrue(c.approximate());
        long exact = n - (n + 6) / 7 + 1;
        assertTrue(Math.abs(c.distinct() - exact) < exact * 0.03, "HyperLogLog estimate " + c.distinct() + " vs " + exact);
        assertEquals(new ValueCount("hot", (n + 6) / 7), c.top().get(0), "known values keep exact counts");

        CategoricalStats exactStats = scanCsv(dir.resolve("exact"), csv).profile().column("v").orElseThrow().categorical();
        assertFalse(exactStats.approximate());
        assertEquals(exact, exactStats.distinct());
    }

    @Test
    void hyperLogLogSmallAndLargeCardinalities() {
        for (int n : new int[] {1, 10, 1000, 50_000, 300_000}) {
            HyperLogLog h = new HyperLogLog();
            for (int i = 0; i < n; i++) {
                byte[] b = utf8("value-" + i);
                h.add(ValueHash.hash(b, 0, b.length));
                h.add(ValueHash.hash(b, 0, b.length));
            }
            assertTrue(Math.abs(h.estimate() - n) <= Math.max(1, n * 0.03), n + " -> " + h.estimate());
        }
    }

    /** Helper to compare long[] with List&lt;Long&gt;. */
    private static final class LongList {
        static List<Long> of(long[] values) {
            List<Long> out = new ArrayList<>();
            for (long v : values) {
                out.add(v);
            }
            return out;
        }
    }
}
