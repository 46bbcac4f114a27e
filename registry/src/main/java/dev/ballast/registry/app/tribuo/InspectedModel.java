package dev.ballast.registry.app.tribuo;

import dev.ballast.client.BallastModelDescriptor;
import dev.ballast.client.TaskType;
import org.tribuo.Model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Ballast model that loaded and matched its descriptor: what the registry records with a model
 * version (feature schema, output, training recipe, provenance) and the loaded model for serving.
 *
 * @param taskType             what the model predicts
 * @param modelClass           the Tribuo {@code Model} subclass
 * @param tribuoVersion        the Tribuo version that trained it (from its provenance)
 * @param features             the features in Tribuo's feature-id order
 * @param output               the output name, type and domain
 * @param trainerClass         the trainer class (from the provenance)
 * @param trainerConfiguration the trainer's configured parameters (strings, lists, nested maps)
 * @param provenance           the whole {@code ModelProvenance} as a JSON-able tree with sorted keys
 * @param modelSha256          hex SHA-256 of the {@code model.tribuo} bytes, to tell versions' files apart
 * @param descriptor           the descriptor as logged
 * @param model                the loaded model
 */
public record InspectedModel(TaskType taskType, String modelClass, String tribuoVersion,
                             List<BallastModelDescriptor.Feature> features, BallastModelDescriptor.Output output,
                             String trainerClass, Map<String, Object> trainerConfiguration, Map<String, Object> provenance,
                             String modelSha256, BallastModelDescriptor descriptor, Model<?> model) {

    public InspectedModel {
        features = List.copyOf(features);
        // sorted, so the recorded recipe and provenance print the same way every time
        trainerConfiguration = Collections.unmodifiableMap(new TreeMap<>(trainerConfiguration));
        provenance = Collections.unmodifiableMap(new TreeMap<>(provenance));
    }

    /** The feature names in order. */
    public List<String> featureNames() {
        return features.stream().map(BallastModelDescriptor.Feature::name).toList();
    }
}
