package dev.ballast.client.testing;

import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

import java.util.Random;

/**
 * Small Tribuo models trained on synthetic data with fixed seeds, shared by the client, registry
 * and platform-api tests (through this module's test-jar) so every test trains the same way.
 */
public final class TrainedModels {
    public static final long SEED = 42L;
    public static final int ROWS = 200;

    private TrainedModels() {
    }

    /** y = 2*x1 - 3*x2 + small noise over x1, x2 in [-1, 1]: the regression dataset. */
    public static MutableDataset<Regressor> regressionData(long seed) {
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> data = new MutableDataset<>(
                new SimpleDataSourceProvenance("synthetic y = 2*x1 - 3*x2 + noise", factory), factory);
        Random random = new Random(seed);
        for (int i = 0; i < ROWS; i++) {
            double x1 = random.nextDouble() * 2 - 1;
            double x2 = random.nextDouble() * 2 - 1;
            double y = 2 * x1 - 3 * x2 + random.nextGaussian() * 0.01;
            data.add(new ArrayExample<>(new Regressor("y", y), new String[]{"x1", "x2"}, new double[]{x1, x2}));
        }
        return data;
    }

    /** A linear regression (squared loss, AdaGrad) of {@link #regressionData}. */
    public static Model<Regressor> linearRegression() {
        return new LinearSGDTrainer(new SquaredLoss(), new AdaGrad(0.5), 100, SEED).train(regressionData(SEED));
    }

    /** A CART regression tree of {@link #regressionData}. */
    public static Model<Regressor> regressionTree() {
        return new CARTRegressionTrainer(6).train(regressionData(SEED));
    }

    /** Three classes by x1 + x2 (low below -0.5, high above 0.5, else mid), with a third, irrelevant feature x3. */
    public static MutableDataset<Label> classificationData(long seed) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("synthetic bands of x1 + x2", factory), factory);
        Random random = new Random(seed);
        for (int i = 0; i < ROWS; i++) {
            double x1 = random.nextDouble() * 2 - 1;
            double x2 = random.nextDouble() * 2 - 1;
            double x3 = random.nextDouble();
            double s = x1 + x2;
            String label = s < -0.5 ? "low" : s > 0.5 ? "high" : "mid";
            Example<Label> e = new ArrayExample<>(new Label(label), new String[]{"x1", "x2", "x3"}, new double[]{x1, x2, x3});
            data.add(e);
        }
        return data;
    }

    /** A logistic regression of {@link #classificationData}. */
    public static Model<Label> logisticRegression() {
        return new LogisticRegressionTrainer().train(classificationData(SEED));
    }
}
