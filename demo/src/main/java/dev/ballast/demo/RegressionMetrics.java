package dev.ballast.demo;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The seed documents' regression metrics on a holdout: r2, mae, rmse and mape (a fraction, as the gate
 * {@code metrics.mape < 0.1} reads it). Computed here rather than taken from Tribuo's evaluator, which has no mape.
 */
public record RegressionMetrics(double r2, double mae, double rmse, double mape) {

    public static RegressionMetrics of(double[] actual, double[] predicted) {
        if (actual.length != predicted.length || actual.length == 0) {
            throw new IllegalArgumentException("need as many predictions as actual values, at least one");
        }
        double mean = 0;
        for (double a : actual) {
            mean += a / actual.length;
        }
        double squared = 0;
        double total = 0;
        double absolute = 0;
        double relative = 0;
        for (int i = 0; i < actual.length; i++) {
            double error = predicted[i] - actual[i];
            squared += error * error;
            total += (actual[i] - mean) * (actual[i] - mean);
            absolute += Math.abs(error);
            relative += Math.abs(error) / Math.max(Math.abs(actual[i]), 1e-12);
        }
        int n = actual.length;
        return new RegressionMetrics(1 - squared / total, absolute / n, Math.sqrt(squared / n), relative / n);
    }

    /** Whether the seed documents' targets hold: r2 >= 0.75 and mape < 10 %. */
    public boolean meetsTargets() {
        return r2 >= 0.75 && mape < 0.10;
    }

    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("r2", r2);
        m.put("mae", mae);
        m.put("rmse", rmse);
        m.put("mape", mape);
        return m;
    }
}
