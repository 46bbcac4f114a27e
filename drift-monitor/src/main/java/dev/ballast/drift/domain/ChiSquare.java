package dev.ballast.drift.domain;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

import java.util.Map;
import java.util.TreeMap;

/**
 * Pearson's chi-square test of homogeneity for a categorical feature: do the reference and current category counts
 * come from the same distribution? The counts form a 2 x k table over the union of categories seen on either side (a
 * category one side never saw counts 0 there, so new and vanished categories both raise the statistic); expected
 * counts are row total x column total / grand total. As SciPy's {@code chi2_contingency} (its defaults, golden-tested):
 * {@code k - 1} degrees of freedom; for one degree of freedom Yates' continuity correction moves each observed count
 * towards its expected count by {@code min(0.5, |expected - observed|)}; a single category (no degree of freedom) gives
 * statistic 0 and p-value 1.
 */
public final class ChiSquare {
    private ChiSquare() {
    }

    /** The result: statistic, p-value and degrees of freedom. */
    public record Result(double statistic, double pValue, int degreesOfFreedom) {
    }

    /** Tests two tables of category counts, each with a positive total. */
    public static Result test(Map<String, Long> reference, Map<String, Long> current) {
        TreeMap<String, long[]> table = new TreeMap<>();
        reference.forEach((c, n) -> table.computeIfAbsent(c, k -> new long[2])[0] += n);
        current.forEach((c, n) -> table.computeIfAbsent(c, k -> new long[2])[1] += n);
        table.values().removeIf(counts -> counts[0] + counts[1] == 0);
        double rowRef = 0;
        double rowCur = 0;
        for (long[] counts : table.values()) {
            rowRef += counts[0];
            rowCur += counts[1];
        }
        if (rowRef == 0 || rowCur == 0) {
            throw new IllegalArgumentException("each side needs at least one value");
        }
        int dof = table.size() - 1;
        if (dof == 0) {
            return new Result(0.0, 1.0, 0);
        }
        double total = rowRef + rowCur;
        double statistic = 0;
        for (long[] counts : table.values()) {
            double column = counts[0] + counts[1];
            statistic += term(counts[0], rowRef * column / total, dof);
            statistic += term(counts[1], rowCur * column / total, dof);
        }
        double p = 1.0 - new ChiSquaredDistribution(null, dof).cumulativeProbability(statistic);
        return new Result(statistic, Math.max(0.0, Math.min(1.0, p)), dof);
    }

    private static double term(double observed, double expected, int dof) {
        double o = observed;
        if (dof == 1) {
            double diff = expected - observed;
            o += Math.signum(diff) * Math.min(0.5, Math.abs(diff));
        }
        double delta = o - expected;
        return delta * delta / expected;
    }
}
