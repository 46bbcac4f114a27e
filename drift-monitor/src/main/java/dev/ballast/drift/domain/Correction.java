package dev.ballast.drift.domain;

import dev.ballast.core.error.BallastException;

import java.util.Arrays;
import java.util.Locale;

/**
 * Multiple-testing correction across the features of one check. Testing 20 features at alpha 0.05 finds a "drifted"
 * feature in most checks of data that did not drift at all; a correction keeps the chance of any false alarm
 * (Bonferroni, the default) or the expected share of false alarms among the alarms (Benjamini-Hochberg) at alpha.
 */
public enum Correction {
    /** Each feature on its own p-value: more alarms, more of them false. */
    NONE("none"),
    /** {@code min(1, p * k)} for k tested features: controls the family-wise error rate, conservative. */
    BONFERRONI("bonferroni"),
    /**
     * Benjamini-Hochberg step-up adjusted p-values, {@code min over j >= i of min(1, p(j) * k / j)} for the i-th smallest
     * p-value: controls the false discovery rate, so more drifted features are found when many drift at once.
     */
    BENJAMINI_HOCHBERG("benjamini_hochberg");

    private final String id;

    Correction(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Reads {@code none}, {@code bonferroni}, {@code benjamini_hochberg} (also {@code bh}, {@code fdr_bh}), any case. */
    public static Correction parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        return switch (v) {
            case "none" -> NONE;
            case "bonferroni" -> BONFERRONI;
            case "benjamini_hochberg", "bh", "fdr_bh" -> BENJAMINI_HOCHBERG;
            default -> throw BallastException.invalid("Invalid value '" + value
                    + "' for parameter 'correction'. Use one of none, bonferroni, benjamini_hochberg.");
        };
    }

    /** The adjusted p-values, in the order of {@code p}; an empty array for no tests. */
    public double[] adjust(double[] p) {
        int k = p.length;
        double[] out = new double[k];
        switch (this) {
            case NONE -> System.arraycopy(p, 0, out, 0, k);
            case BONFERRONI -> {
                for (int i = 0; i < k; i++) {
                    out[i] = Math.min(1.0, p[i] * k);
                }
            }
            case BENJAMINI_HOCHBERG -> {
                Integer[] order = new Integer[k];
                Arrays.setAll(order, i -> i);
                Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
                double running = 1.0;
                for (int rank = k; rank >= 1; rank--) {
                    int i = order[rank - 1];
                    running = Math.min(running, Math.min(1.0, p[i] * k / rank));
                    out[i] = running;
                }
            }
            default -> throw new IllegalStateException(name());
        }
        return out;
    }
}
