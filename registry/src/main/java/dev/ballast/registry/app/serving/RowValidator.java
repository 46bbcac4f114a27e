package dev.ballast.registry.app.serving;

import dev.ballast.core.error.BallastException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks request rows against a version's feature schema before any inference and turns them
 * into value arrays in the model's feature order. Every problem is reported at once, naming the
 * row and the field (up to {@value #MAX_PROBLEMS}): missing and unknown features, values that
 * are not numbers, null, NaN or infinite.
 */
public final class RowValidator {
    static final int MAX_PROBLEMS = 20;

    private RowValidator() {
    }

    public static double[][] validate(List<Map<String, Object>> rows, List<String> features) {
        double[][] out = new double[rows.size()][];
        List<String> problems = new ArrayList<>();
        int total = 0;
        for (int r = 0; r < rows.size(); r++) {
            Map<String, Object> row = rows.get(r);
            double[] values = new double[features.size()];
            for (int f = 0; f < features.size(); f++) {
                String name = features.get(f);
                Object v = row.get(name);
                String problem = null;
                if (v == null) {
                    problem = row.containsKey(name) ? "feature '" + name + "' is null" : "missing feature '" + name + "'";
                } else if (v instanceof Double d) {
                    if (!Double.isFinite(d)) {
                        problem = "feature '" + name + "' is " + d + "; the model takes finite numbers";
                    }
                    values[f] = d;
                } else if (v instanceof String s && (s.equals("NaN") || s.endsWith("Infinity"))) {
                    problem = "feature '" + name + "' is " + s + "; the model takes finite numbers";
                } else {
                    problem = "feature '" + name + "' must be a number, got " + describe(v);
                }
                if (problem != null) {
                    total++;
                    if (problems.size() < MAX_PROBLEMS) {
                        problems.add("row " + r + ": " + problem);
                    }
                }
            }
            if (row.size() > features.size() || !features.containsAll(row.keySet())) {
                TreeSet<String> unknown = new TreeSet<>(row.keySet());
                features.forEach(unknown::remove);
                if (!unknown.isEmpty()) {
                    total++;
                    if (problems.size() < MAX_PROBLEMS) {
                        problems.add("row " + r + ": unknown feature" + (unknown.size() > 1 ? "s " : " ") + unknown);
                    }
                }
            }
            out[r] = values;
        }
        if (!problems.isEmpty()) {
            throw BallastException.invalid("The input does not match the model's features " + features + ": " + String.join("; ", problems)
                    + (total > problems.size() ? "; and " + (total - problems.size()) + " more" : "") + ".");
        }
        return out;
    }

    private static String describe(Object v) {
        if (v instanceof String s) {
            return "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
        }
        return v instanceof Boolean ? "the boolean " + v : String.valueOf(v);
    }
}
