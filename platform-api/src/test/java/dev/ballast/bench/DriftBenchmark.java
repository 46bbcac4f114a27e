package dev.ballast.bench;

import dev.ballast.drift.domain.DriftAnalyzer;
import dev.ballast.drift.domain.DriftReport;
import dev.ballast.drift.domain.DriftSettings;
import dev.ballast.drift.domain.FeaturePair;
import dev.ballast.drift.domain.FeatureSample;
import dev.ballast.drift.domain.KsResult;
import dev.ballast.drift.domain.KsTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The drift statistics benchmark ({@code bench/drift.sh}): the two-sample KS test on 1,000,000 vs 1,000,000 points
 * (target under 1 s) next to a plain sort of the same two arrays in the same run, the baseline any KS test pays. Also
 * reports KS on already sorted columns (what a dataset version's {@code col-N.f64} gives), commons-math's own
 * {@code kolmogorovSmirnovTest(x, y)} and a whole one-feature check with PSI. The statistic is checked to be
 * commons-math's, bit for bit. The other figure, a monitor check over 50 features x 100,000 captured rows, needs
 * a database and is {@link MonitorCheckBenchmark} ({@code bench/monitor.sh}).
 */
public final class DriftBenchmark {
    private DriftBenchmark() {
    }

    public static void main(String[] args) {
        BenchMain.exitWith(DriftBenchmark::run);
    }

    static int run() throws Exception {
        long started = System.nanoTime();
        int n = Integer.getInteger("ballast.bench.drift.points", 1_000_000);
        int runs = Integer.getInteger("ballast.bench.drift.runs", 7);
        Path report = Path.of(System.getProperty("ballast.bench.report",
                System.getenv().getOrDefault("BALLAST_BENCH_REPORT", "BENCHMARKS.md"))).toAbsolutePath();
        String loadBefore = MachineInfo.loadAverage();
        double[] x = normal(42, n, 0);
        double[] y = normal(43, n, 0.002);
        KsTest ks = new KsTest();
        KolmogorovSmirnovTest commons = new KolmogorovSmirnovTest();

        long[] sortTimes = new long[runs];
        long[] ksTimes = new long[runs];
        long[] sortedKsTimes = new long[runs];
        long[] commonsTimes = new long[runs];
        long[] checkTimes = new long[runs];
        KsResult result = null;
        DriftReport check = null;
        double[] sx = null;
        double[] sy = null;
        for (int i = -1; i < runs; i++) { // one untimed warm-up round
            long t0 = System.nanoTime();
            double[] a = x.clone();
            double[] b = y.clone();
            Arrays.sort(a);
            Arrays.sort(b);
            long t1 = System.nanoTime();
            // Ballast's KS from unsorted values: drop non-finite and sort (FeatureSample), then D and p
            FeatureSample.Numeric fx = FeatureSample.Numeric.of(x, x.length, 0);
            FeatureSample.Numeric fy = FeatureSample.Numeric.of(y, y.length, 0);
            result = ks.sorted(fx.sorted(), fy.sorted());
            long t2 = System.nanoTime();
            ks.sorted(a, b);
            long t3 = System.nanoTime();
            double commonsP = commons.kolmogorovSmirnovTest(x, y);
            long t4 = System.nanoTime();
            check = new DriftAnalyzer().analyze(List.of(new FeaturePair("f", FeatureSample.Numeric.of(x, x.length, 0),
                    FeatureSample.Numeric.of(y, y.length, 0))), DriftSettings.defaults());
            long t5 = System.nanoTime();
            if (i >= 0) {
                sortTimes[i] = t1 - t0;
                ksTimes[i] = t2 - t1;
                sortedKsTimes[i] = t3 - t2;
                commonsTimes[i] = t4 - t3;
                checkTimes[i] = t5 - t4;
            }
            sx = a;
            sy = b;
            if (commonsP < 0) {
                throw new IllegalStateException();
            }
            Progress.log("round " + (i + 1) + "/" + runs + ": sort " + Fmt.millis(t1 - t0) + ", KS " + Fmt.millis(t2 - t1));
        }
        double commonsD = commons.kolmogorovSmirnovStatistic(x, y);
        if (Double.compare(commonsD, result.statistic()) != 0 || Double.compare(commonsD, ks.sorted(sx, sy).statistic()) != 0) {
            throw new IllegalStateException("D differs from commons-math's: " + result.statistic() + " vs " + commonsD);
        }
        long sort = median(sortTimes);
        long ksMedian = median(ksTimes);
        List<Figure> figures = new ArrayList<>();
        String size = Fmt.count(n) + " vs " + Fmt.count(n);
        figures.add(new Figure("KS " + size + " points (unsorted in, D + p-value)", Fmt.millis(ksMedian), Fmt.millis(sort) + " (sort)",
                Fmt.timesOf(ksMedian, sort), "< 1 s", Figure.Verdict.of(ksMedian < 1_000_000_000L)));
        figures.add(Figure.info("KS on sorted columns (dataset col-N.f64)", Fmt.millis(median(sortedKsTimes)), Fmt.millis(sort) + " (sort)",
                Fmt.timesOf(median(sortedKsTimes), sort)));
        figures.add(Figure.info("commons-math kolmogorovSmirnovTest(x, y)", Fmt.millis(median(commonsTimes)), Fmt.millis(sort) + " (sort)",
                Fmt.timesOf(median(commonsTimes), sort)));
        figures.add(Figure.info("one-feature check (KS + PSI + verdict)", Fmt.millis(median(checkTimes)), Fmt.millis(sort) + " (sort)",
                Fmt.timesOf(median(checkTimes), sort)));

        MachineInfo local = MachineInfo.withoutPostgres();
        MachineInfo machine = new MachineInfo(local.cpus(), local.cpuModel(), local.memory(), local.java(), local.os(),
                "not used (no database in this benchmark)", "", local.commit());
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        List<String> settings = List.of(String.format(Locale.ROOT, "Drift statistics: %s normal points vs %s shifted by 0.002 "
                        + "(D = %.6f, p = %.4g, %s), median of %d runs after one warm-up; load average before %s, after %s; whole "
                        + "benchmark %.1f s.", Fmt.count(n), Fmt.count(n), result.statistic(), result.pValue(), result.method().id(), runs,
                loadBefore, MachineInfo.loadAverage(), (System.nanoTime() - started) / 1e9));
        List<String> notes = List.of("Baseline: Arrays.sort of copies of both arrays, which any KS test pays. Ballast's KS copies "
                + "each side's finite values once and sorts them with an LSD radix sort (FiniteSort, Arrays.sort's order bit for "
                + "bit), walks both sorted arrays once for D (commons-math's integral walk, "
                + "checked bit for bit against kolmogorovSmirnovStatistic) and takes the p-value from commons-math's Kolmogorov "
                + "distribution of the effective size (Pelz-Good here). Sorted columns: what a dataset version's derived files give, "
                + "no sort. commons-math's own test sorts copies too but uses the limiting distribution for p (" + check.features().get(0).method()
                + " p here " + String.format(Locale.ROOT, "%.4g", check.features().get(0).pValue()) + "). The monitor check over 50 "
                + "features x 100,000 captured rows is measured by bench/monitor.sh, on PostgreSQL.");
        System.out.println();
        System.out.println("Ballast drift statistics, " + date);
        System.out.print(Report.table(figures));
        Report.append(report, Report.markdownSection("drift statistics", date, machine, settings, figures, notes));
        Progress.log("appended the results to " + report);
        return 0;
    }

    private static double[] normal(long seed, int n, double shift) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            // Box-Muller: SplittableRandom has no nextGaussian on Java 17
            double u = 1.0 - r.nextDouble();
            double v = r.nextDouble();
            out[i] = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v) + shift;
        }
        return out;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
