package dev.ballast.drift.app.monitor;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import dev.ballast.registry.domain.model.ModelVersion;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The numeric inputs a model version is served with, read from its Ballast model spec ({@code features}: name and
 * type, in Tribuo's order). Monitors take their features from here rather than from the captured rows, so a check of a
 * window without traffic still names every feature (as insufficient data) instead of failing.
 */
@Singleton
public class ServedFeatures {
    private static final Set<String> NUMERIC = Set.of("double", "float", "int", "integer", "long");

    private final ObjectMapper json;

    public ServedFeatures(ObjectMapper json) {
        this.json = json;
    }

    /** The version's numeric inputs; INVALID_STATE for a plain MLflow version, which Ballast does not serve. */
    @SuppressWarnings("unchecked")
    public List<String> numeric(ModelVersion v) {
        if (v.modelSpec() == null) {
            throw new BallastException(ErrorCode.INVALID_STATE, v.label() + " is a plain MLflow version: Ballast serves (and"
                    + " captures inputs of) Ballast models only, so there is nothing to monitor.");
        }
        try {
            Map<String, Object> spec = json.readValue(v.modelSpec(), Map.class);
            List<String> out = new ArrayList<>();
            for (Object f : (List<Object>) spec.get("features")) {
                Map<String, Object> feature = (Map<String, Object>) f;
                if (NUMERIC.contains(String.valueOf(feature.get("type")))) {
                    out.add((String) feature.get("name"));
                }
            }
            return out;
        } catch (IOException | ClassCastException | NullPointerException e) {
            throw new BallastException(ErrorCode.INVALID_STATE, "The model spec of " + v.label() + " has no readable feature list.", e);
        }
    }
}
