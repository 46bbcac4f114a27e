package dev.ballast.drift.domain;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeSet;

/**
 * Population Stability Index, the effect size reported beside each test. A p-value answers "is there any difference?",
 * and with a million values the tiniest one is significant; PSI answers "how large is it?":
 *
 * <pre>PSI = sum over bins i of (c_i - r_i) * ln(c_i / r_i)</pre>
 *
 * where {@code r_i} and {@code c_i} are the shares of the reference and current values in bin {@code i}; a share of 0
 * is replaced by {@link #EPSILON} so that a bin only one side fills adds a large but finite term. Usual reading: below
 * 0.1 no significant change, 0.1 to 0.25 moderate, above 0.25 large.
 *
 * <p>Numeric bins come from the reference: the edges are its quantiles at {@code 1/B, ..., (B-1)/B} (numpy's linear
 * interpolation), bin {@code i} holds the values {@code v} with {@code edge(i-1) < v <= edge(i)}, the first and last bins
 * are open-ended. Equal edges (a reference with many ties) are merged, so fewer bins remain. Categorical bins are the
 * union of the categories of both sides.
 */
public final class Psi {
    /** The share that stands for an empty bin. */
    public static final double EPSILON = 1e-4;

    private Psi() {
    }

    /** PSI of two ascending, non-empty samples over {@code bins} reference-quantile bins. */
    public static double numeric(double[] reference, double[] current, int bins) {
        double[] edges = edges(reference, bins);
        double psi = 0;
        int prevRef = 0;
        int prevCur = 0;
        for (int i = 0; i <= edges.length; i++) {
            int ref = i == edges.length ? reference.length : upperBound(reference, edges[i]);
            int cur = i == edges.length ? current.length : upperBound(current, edges[i]);
            psi += term((ref - prevRef) / (double) reference.length, (cur - prevCur) / (double) current.length);
            prevRef = ref;
            prevCur = cur;
        }
        return psi;
    }

    /** PSI over the union of the categories of both count tables. */
    public static double categorical(Map<String, Long> reference, Map<String, Long> current) {
        TreeSet<String> categories = new TreeSet<>(reference.keySet());
        categories.addAll(current.keySet());
        double refTotal = reference.values().stream().mapToLong(Long::longValue).sum();
        double curTotal = current.values().stream().mapToLong(Long::longValue).sum();
        double psi = 0;
        for (String c : categories) {
            psi += term(reference.getOrDefault(c, 0L) / refTotal, current.getOrDefault(c, 0L) / curTotal);
        }
        return psi;
    }

    /** The distinct inner edges: reference quantiles at 1/bins ... (bins-1)/bins. */
    static double[] edges(double[] sorted, int bins) {
        double[] edges = new double[bins - 1];
        int count = 0;
        for (int i = 1; i < bins; i++) {
            double q = quantile(sorted, i / (double) bins);
            if (count == 0 || q > edges[count - 1]) {
                edges[count++] = q;
            }
        }
        return Arrays.copyOf(edges, count);
    }

    /** numpy's default (linear) quantile of an ascending sample. */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double term(double r, double c) {
        double rr = Math.max(r, EPSILON);
        double cc = Math.max(c, EPSILON);
        return (cc - rr) * Math.log(cc / rr);
    }

    /** How many values are {@code <= v}. */
    private static int upperBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
