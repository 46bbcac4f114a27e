package dev.ballast.bench;

import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The served model's data, the same for Ballast and the FastAPI reference: 10 features
 * {@code f0..f9} uniform in [-1, 1], {@code y = sum(w_i * f_i) + 0.5 + noise} with fixed weights,
 * drawn from one seed. Ballast serves a Tribuo linear regression of it (LinearSGDTrainer, squared
 * loss, AdaGrad); the reference trains scikit-learn's Ridge on the very same rows, written as CSV.
 * The request bodies are further rows of the same distribution.
 */
final class ServingData {
    static final int FEATURES = 10;
    static final String[] NAMES = names();
    private static final double[] WEIGHTS = {1.5, -2.0, 0.7, 0.0, 3.1, -0.4, 1.1, -1.8, 0.25, 2.2};

    private ServingData() {
    }

    /** {@code rows} training rows: each {@code f0..f9} then {@code y}. */
    static double[][] rows(int rows, long seed) {
        Random random = new Random(seed);
        double[][] data = new double[rows][];
        for (int r = 0; r < rows; r++) {
            double[] row = new double[FEATURES + 1];
            double y = 0.5;
            for (int f = 0; f < FEATURES; f++) {
                row[f] = random.nextDouble() * 2 - 1;
                y += WEIGHTS[f] * row[f];
            }
            row[FEATURES] = y + random.nextGaussian() * 0.05;
            data[r] = row;
        }
        return data;
    }

    /** The Tribuo model Ballast serves: a linear regression trained with SGD (squared loss, AdaGrad). */
    static Model<Regressor> train(double[][] rows, long seed) {
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> data = new MutableDataset<>(
                new SimpleDataSourceProvenance("serving benchmark: linear in f0..f9 plus noise, seed " + seed, factory), factory);
        for (double[] row : rows) {
            data.add(new ArrayExample<>(new Regressor("y", row[FEATURES]), NAMES, java.util.Arrays.copyOf(row, FEATURES)));
        }
        return new LinearSGDTrainer(new SquaredLoss(), new AdaGrad(0.5), 20, seed).train(data);
    }

    /** The rows as CSV with a header {@code f0,...,f9,y}, for the reference server. */
    static void writeCsv(double[][] rows, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", NAMES) + ",y\n");
            for (double[] row : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < row.length; i++) {
                    line.append(i == 0 ? "" : ",").append(row[i]);
                }
                w.write(line.append('\n').toString());
            }
        }
    }

    /** {@code count} predict bodies {@code {"inputs":{"f0":...,"f9":...}}} of fresh rows. */
    static List<String> bodies(int count, long seed) {
        List<String> bodies = new ArrayList<>();
        for (double[] row : rows(count, seed + 1)) {
            StringBuilder json = new StringBuilder("{\"inputs\":{");
            for (int f = 0; f < FEATURES; f++) {
                json.append(f == 0 ? "" : ",").append('"').append(NAMES[f]).append("\":")
                        .append(String.format(Locale.ROOT, "%.6f", row[f]));
            }
            bodies.add(json.append("}}").toString());
        }
        return bodies;
    }

    private static String[] names() {
        String[] names = new String[FEATURES];
        for (int i = 0; i < FEATURES; i++) {
            names[i] = "f" + i;
        }
        return names;
    }
}
