package dev.ballast.registry.app.tribuo;

import dev.ballast.client.TaskType;
import dev.ballast.client.TribuoModelDescriber;
import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import jakarta.inject.Singleton;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Predicts one example from named feature values. Unlike Tribuo, which treats an absent feature
 * as zero and silently ignores unknown ones, it refuses both (as MLflow's model serving does with
 * its schema), naming the features, because a typo in a feature name would otherwise give a
 * plausible but wrong prediction.
 */
@Singleton
public class TribuoPredictor {

    /** The prediction of {@code model} for {@code features}, which must name exactly the model's features. */
    public ModelPrediction predict(Model<?> model, Map<String, Double> features) {
        if (features == null) {
            throw BallastException.invalid("No feature values were given.");
        }
        TaskType task = TribuoModelDescriber.taskType(model);
        ImmutableFeatureMap featureMap = model.getFeatureIDMap();
        checkNames(featureMap, features);
        String[] names = new String[featureMap.size()];
        double[] values = new double[featureMap.size()];
        List<String> notFinite = new ArrayList<>();
        for (int id = 0; id < featureMap.size(); id++) {
            names[id] = featureMap.get(id).getName();
            Double v = features.get(names[id]);
            if (v == null || !Double.isFinite(v)) {
                notFinite.add(names[id] + " = " + v);
            } else {
                values[id] = v;
            }
        }
        if (!notFinite.isEmpty()) {
            throw BallastException.invalid("Feature values must be finite numbers: " + String.join(", ", notFinite) + ".");
        }
        return predict(model, task, names, values);
    }

    /**
     * The prediction for values already checked: {@code names} are the model's features and
     * {@code values} finite. Serving validates once per request and calls this per row.
     */
    public ModelPrediction predict(Model<?> model, TaskType task, String[] names, double[] values) {
        return switch (task) {
            case REGRESSION -> regression(model.castModel(Regressor.class), names, values);
            case CLASSIFICATION -> classification(model.castModel(Label.class), names, values);
            default -> throw new BallastException(ErrorCode.NOT_IMPLEMENTED,
                    "Ballast does not predict with " + task.jsonName() + " models yet.");
        };
    }

    private static void checkNames(ImmutableFeatureMap featureMap, Map<String, Double> features) {
        TreeSet<String> unknown = new TreeSet<>(features.keySet());
        unknown.removeAll(featureMap.keySet());
        TreeSet<String> missing = new TreeSet<>(featureMap.keySet());
        missing.removeAll(features.keySet());
        List<String> problems = new ArrayList<>();
        if (!unknown.isEmpty()) {
            problems.add("unknown features " + unknown);
        }
        if (!missing.isEmpty()) {
            problems.add("missing features " + missing);
        }
        if (!problems.isEmpty()) {
            throw BallastException.invalid("The input does not match the model's features " + new TreeSet<>(featureMap.keySet())
                    + ": " + String.join("; ", problems) + ".");
        }
    }

    private static ModelPrediction regression(Model<Regressor> model, String[] names, double[] values) {
        Prediction<Regressor> p = model.predict(new ArrayExample<>(RegressionFactory.UNKNOWN_REGRESSOR, names, values));
        Regressor out = p.getOutput();
        Map<String, Double> byDimension = new LinkedHashMap<>();
        String[] dims = out.getNames();
        double[] predicted = out.getValues();
        for (int i = 0; i < dims.length; i++) {
            byDimension.put(dims[i], predicted[i]);
        }
        return new ModelPrediction(TaskType.REGRESSION, byDimension, null, Map.of(), p.hasProbabilities());
    }

    private static ModelPrediction classification(Model<Label> model, String[] names, double[] values) {
        Prediction<Label> p = model.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, values));
        Map<String, Double> scores = new TreeMap<>();
        p.getOutputScores().forEach((label, score) -> scores.put(label, score.getScore()));
        return new ModelPrediction(TaskType.CLASSIFICATION, Map.of(), p.getOutput().getLabel(), scores, p.hasProbabilities());
    }
}
