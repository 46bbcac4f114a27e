package dev.ballast.bench;

import dev.ballast.registry.domain.serving.CapturedPrediction;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The monitor benchmark's data: {@code features} numeric features {@code f00, f01, ...}, feature {@code f} normal with
 * mean {@code f / 10} and standard deviation {@code 1 + (f % 5) / 2}, as columns of {@code rows} values. The reference
 * (the model's training data, uploaded as a dataset version) and the current sample (the captured traffic) are drawn
 * from different seeds; in the current sample every tenth feature is shifted by 0.05 standard deviations, so a few
 * features drift and the check as a whole does not (no retraining workflow starts during the timings). Values keep
 * every digit of the double (Java's shortest round-trip form), the longest text a served input can be, so the CSV and
 * the captured JSON parse back to exactly these arrays.
 */
final class MonitorBenchData {
    final String[] names;
    /** {@code reference[f][row]}. */
    final double[][] reference;
    /** {@code current[f][row]}, the captured inputs, oldest row first. */
    final double[][] current;

    private MonitorBenchData(String[] names, double[][] reference, double[][] current) {
        this.names = names;
        this.reference = reference;
        this.current = current;
    }

    static MonitorBenchData generate(int features, int rows, long seed) {
        String[] names = new String[features];
        for (int f = 0; f < features; f++) {
            names[f] = String.format(java.util.Locale.ROOT, "f%02d", f);
        }
        double[][] reference = new double[features][];
        double[][] current = new double[features][];
        for (int f = 0; f < features; f++) {
            double mean = f / 10.0;
            double sd = 1 + (f % 5) / 2.0;
            reference[f] = normal(seed * 1000 + f, rows, mean, sd);
            current[f] = normal(seed * 1000 + 500 + f, rows, mean + (f % 10 == 0 ? 0.05 * sd : 0), sd);
        }
        return new MonitorBenchData(names, reference, current);
    }

    int features() {
        return names.length;
    }

    int rows() {
        return reference[0].length;
    }

    /** The target the served model learns: a fixed linear combination of the features. */
    private double target(double[][] columns, int row) {
        double y = 0.5;
        for (int f = 0; f < names.length; f++) {
            y += ((f % 7) - 3) * 0.1 * columns[f][row];
        }
        return y;
    }

    /** A Tribuo linear regression on the first {@code rows} reference rows: what the monitored version serves. */
    Model<Regressor> train(int rows, long seed) {
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> data = new MutableDataset<>(
                new SimpleDataSourceProvenance("monitor benchmark: " + names.length + " normal features, seed " + seed, factory), factory);
        for (int r = 0; r < Math.min(rows, rows()); r++) {
            double[] values = new double[names.length];
            for (int f = 0; f < names.length; f++) {
                values[f] = reference[f][r];
            }
            data.add(new ArrayExample<>(new Regressor("y", target(reference, r)), names, values));
        }
        return new LinearSGDTrainer(new SquaredLoss(), new AdaGrad(0.5), 5, seed).train(data);
    }

    /** The reference as CSV ({@code f00,...,y}), the dataset version the model was trained on. */
    byte[] referenceCsv() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(rows() * names.length * 20);
        StringBuilder line = new StringBuilder(1024);
        line.append(String.join(",", names)).append(",y\n");
        for (int r = 0; r < rows(); r++) {
            for (double[] column : reference) {
                line.append(column[r]).append(',');
            }
            line.append(target(reference, r)).append('\n');
            out.writeBytes(line.toString().getBytes(StandardCharsets.US_ASCII));
            line.setLength(0);
        }
        return out.toByteArray();
    }

    /**
     * Captured predictions of rows {@code [from, to)} of the current sample, as the serving path hands them to the
     * capture store, one millisecond apart ending at {@code newest}.
     */
    List<CapturedPrediction> captured(String model, int version, int from, int to, long newest) {
        List<CapturedPrediction> out = new ArrayList<>(to - from);
        for (int r = from; r < to; r++) {
            Map<String, Double> inputs = new LinkedHashMap<>(names.length * 2);
            for (int f = 0; f < names.length; f++) {
                inputs.put(names[f], current[f][r]);
            }
            out.add(new CapturedPrediction(model, version, "champion", newest - (rows() - 1 - r), inputs,
                    Map.of("value", target(current, r)), false));
        }
        return out;
    }

    private static double[] normal(long seed, int n, double mean, double sd) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            // Box-Muller: SplittableRandom has no nextGaussian on Java 17
            double u = 1.0 - r.nextDouble();
            double v = r.nextDouble();
            out[i] = mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        }
        return out;
    }
}
