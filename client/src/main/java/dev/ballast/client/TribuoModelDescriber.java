package dev.ballast.client;

import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.regression.Regressor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Derives a {@link BallastModelDescriptor} from a trained Tribuo model: its features, its output
 * domain and its trainer, all read from the model itself and its {@code ModelProvenance}. The
 * client uses it to write {@code ballast-model.json}; the server uses the same code to compute
 * what a loaded model says about itself and compare it with the descriptor that came with it.
 */
public final class TribuoModelDescriber {
    /** The output name of label-predicting models (Tribuo labels carry no column name). */
    public static final String LABEL_OUTPUT_NAME = "label";

    private TribuoModelDescriber() {
    }

    /**
     * The descriptor of {@code model}, stamped with {@code createdAt}.
     *
     * @throws IllegalArgumentException if the model predicts an output type Ballast does not know
     *                                  or has an empty output domain
     */
    public static BallastModelDescriptor describe(Model<?> model, Instant createdAt) {
        ModelProvenance provenance = model.getProvenance();
        TaskType task = taskType(model);
        TrainerProvenance trainer = provenance.getTrainerProvenance();
        return new BallastModelDescriptor(BallastModelDescriptor.FORMAT_VERSION, task, features(model), output(model, task),
                new BallastModelDescriptor.Trainer(trainer.getClassName(), trainerConfiguration(trainer)),
                provenance.getTribuoVersion(), model.getClass().getName(), createdAt);
    }

    /** The task of a model, from the class of its output domain's elements. */
    public static TaskType taskType(Model<?> model) {
        Set<?> domain = model.getOutputIDInfo().getDomain();
        if (domain.isEmpty()) {
            throw new IllegalArgumentException("The model's output domain is empty, so its task cannot be told.");
        }
        Class<?> outputClass = domain.iterator().next().getClass();
        // Domains may hold subclasses of the output type (a regression's Regressor.DimensionTuple).
        for (Class<?> c = outputClass; c != null; c = c.getSuperclass()) {
            Optional<TaskType> task = TaskType.forOutputClass(c.getName());
            if (task.isPresent()) {
                return task.get();
            }
        }
        throw new IllegalArgumentException("The model predicts " + outputClass.getName()
                + ", which is not a Tribuo output Ballast knows (tasks: " + TaskType.jsonNames() + ").");
    }

    /** The model's features in feature-id order, all real-valued as Tribuo features are. */
    public static List<BallastModelDescriptor.Feature> features(Model<?> model) {
        ImmutableFeatureMap map = model.getFeatureIDMap();
        List<BallastModelDescriptor.Feature> features = new ArrayList<>(map.size());
        for (int id = 0; id < map.size(); id++) {
            features.add(new BallastModelDescriptor.Feature(map.get(id).getName(), BallastModelDescriptor.DOUBLE));
        }
        return features;
    }

    /** The output a model of {@code task} predicts: regression dimensions, or the sorted label domain. */
    @SuppressWarnings("unchecked")
    public static BallastModelDescriptor.Output output(Model<?> model, TaskType task) {
        ImmutableOutputInfo<?> info = model.getOutputIDInfo();
        if (task == TaskType.REGRESSION) {
            List<String> dimensions = List.of(Regressor.extractNames((ImmutableOutputInfo<Regressor>) info));
            return new BallastModelDescriptor.Output(String.join(",", dimensions), BallastModelDescriptor.DOUBLE, null, dimensions);
        }
        List<String> labels = info.getDomain().stream()
                .map(o -> ((Output<?>) o).getSerializableForm(false))
                .sorted()
                .toList();
        return new BallastModelDescriptor.Output(LABEL_OUTPUT_NAME, BallastModelDescriptor.STRING, labels, null);
    }

    /**
     * The trainer's configured parameters as provenance records them (strings, lists, nested maps
     * with their own {@code class-name}), without the run-time values such as the invocation count.
     */
    public static Map<String, Object> trainerConfiguration(TrainerProvenance trainer) {
        Map<String, Object> all = ProvenanceUtil.convertToMap(trainer);
        Map<String, Object> configured = new TreeMap<>();
        for (String key : trainer.getConfiguredParameters().keySet()) {
            if (all.containsKey(key)) {
                configured.put(key, sorted(all.get(key)));
            }
        }
        return configured;
    }

    /**
     * A provenance as a JSON-able tree (Tribuo's {@link ProvenanceUtil#convertToMap}: strings,
     * lists and maps) with map keys sorted, so equal provenances print equally.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> provenanceTree(ObjectProvenance provenance) {
        return (Map<String, Object>) sorted(ProvenanceUtil.convertToMap(provenance));
    }

    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new TreeMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(TribuoModelDescriber::sorted).toList();
        }
        return value;
    }
}
