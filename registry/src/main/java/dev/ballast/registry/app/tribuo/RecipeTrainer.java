package dev.ballast.registry.app.tribuo;

import com.oracle.labs.mlrg.olcut.config.ConfigurationData;
import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import dev.ballast.client.TaskType;
import dev.ballast.client.TribuoModelDescriber;
import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import jakarta.inject.Singleton;
import org.tribuo.DataSource;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.data.csv.CSVLoader;
import org.tribuo.evaluation.TrainTestSplitter;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.evaluation.RegressionEvaluation;
import org.tribuo.regression.evaluation.RegressionEvaluator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Retrains a Ballast model from its own recipe: the trainer its Tribuo provenance records is
 * rebuilt by Tribuo's configuration system (same class, same hyperparameters, same trainer seed),
 * trained on new data with a seeded holdout split, and evaluated on the held-out rows with the
 * metric names the gate templates use ({@code r2}, {@code rmse}, {@code mae}, {@code mape};
 * {@code accuracy}, {@code f1}). Retraining workflows use it; nothing here touches the registry.
 */
@Singleton
public class RecipeTrainer {

    /** A retrained model, its holdout metrics and what makes the run repeatable. */
    public record Retrained(Model<?> model, Map<String, Double> metrics, int trainRows, int testRows, long splitSeed,
                            double trainFraction, String trainerClass) {
    }

    /**
     * @param csv           training data with a header; the output column is {@code outputName}
     * @param trainFraction share of rows to train on (the rest is the holdout), e.g. 0.8
     * @param splitSeed     seed of the train/test split, recorded with the run
     */
    public Retrained retrain(Model<?> original, Path csv, String outputName, double trainFraction, long splitSeed) {
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw BallastException.invalid("The training fraction must be between 0 and 1 (exclusive), got " + trainFraction + ".");
        }
        TaskType task = TribuoModelDescriber.taskType(original);
        Trainer<?> trainer = trainerOf(original.getProvenance().getTrainerProvenance());
        return switch (task) {
            case REGRESSION -> regression(trainer, csv, outputName, trainFraction, splitSeed);
            case CLASSIFICATION -> classification(trainer, csv, outputName, trainFraction, splitSeed);
            default -> throw new BallastException(ErrorCode.NOT_IMPLEMENTED, "Ballast does not retrain " + task.jsonName() + " models yet.");
        };
    }

    /** The trainer a provenance describes, rebuilt with its configured parameters. */
    static Trainer<?> trainerOf(TrainerProvenance provenance) {
        List<ConfigurationData> config = ProvenanceUtil.extractConfiguration(provenance);
        ConfigurationManager cm = new ConfigurationManager();
        cm.addConfiguration(config);
        @SuppressWarnings({"rawtypes", "unchecked"})
        List<Trainer> trainers = (List) cm.lookupAll(Trainer.class);
        return trainers.stream().filter(t -> t.getClass().getName().equals(provenance.getClassName())).findFirst()
                .orElseThrow(() -> new BallastException(ErrorCode.INVALID_STATE, "The recorded recipe does not rebuild its trainer "
                        + provenance.getClassName() + "."));
    }

    @SuppressWarnings("unchecked")
    private Retrained regression(Trainer<?> trainer, Path csv, String output, double fraction, long seed) {
        Split<Regressor> split = split(new RegressionFactory(), csv, output, fraction, seed);
        Model<Regressor> model = ((Trainer<Regressor>) trainer).train(split.train());
        RegressionEvaluation e = new RegressionEvaluator().evaluate(model, split.test());
        // CSVLoader names the regression dimension itself; take the name the model predicts.
        Regressor dim = new Regressor(e.getPredictions().get(0).getOutput().getNames()[0], Double.NaN);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("r2", e.r2(dim));
        metrics.put("rmse", e.rmse(dim));
        metrics.put("mae", e.mae(dim));
        metrics.put("mape", mape(e.getPredictions()));
        return new Retrained(model, metrics, split.train().size(), split.test().size(), seed, fraction, trainer.getClass().getName());
    }

    @SuppressWarnings("unchecked")
    private Retrained classification(Trainer<?> trainer, Path csv, String output, double fraction, long seed) {
        Split<Label> split = split(new LabelFactory(), csv, output, fraction, seed);
        Model<Label> model = ((Trainer<Label>) trainer).train(split.train());
        LabelEvaluation e = new LabelEvaluator().evaluate(model, split.test());
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", e.accuracy());
        metrics.put("f1", e.macroAveragedF1());
        return new Retrained(model, metrics, split.train().size(), split.test().size(), seed, fraction, trainer.getClass().getName());
    }

    private record Split<T extends Output<T>>(MutableDataset<T> train, MutableDataset<T> test) {
    }

    private static <T extends Output<T>> Split<T> split(OutputFactory<T> factory, Path csv, String output, double fraction, long seed) {
        try {
            DataSource<T> source = new CSVLoader<>(factory).loadDataSource(csv, output);
            TrainTestSplitter<T> splitter = new TrainTestSplitter<>(source, fraction, seed);
            return new Split<>(new MutableDataset<>(splitter.getTrain()), new MutableDataset<>(splitter.getTest()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw BallastException.invalid("The training data cannot be read for output '" + output + "': " + e.getMessage());
        }
    }

    /** Mean absolute percentage error over rows whose true value is not zero (as a fraction: 0.1 = 10%). */
    private static double mape(List<Prediction<Regressor>> predictions) {
        double sum = 0;
        int n = 0;
        for (Prediction<Regressor> p : predictions) {
            double truth = p.getExample().getOutput().getValues()[0];
            double predicted = p.getOutput().getValues()[0];
            if (truth != 0) {
                sum += Math.abs((truth - predicted) / truth);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
