package dev.ballast.registry.app;

import dev.ballast.registry.domain.model.ModelKind;
import jakarta.inject.Singleton;

/**
 * Decides what kind of version a source makes. TEMPORARY: plain MLflow versions only, until the
 * Tribuo inspector is wired in.
 */
@Singleton
public class VersionInspector {

    /** What was found: the kind, the spec JSON of a Ballast model, and a status message. */
    public record Inspection(ModelKind kind, String spec, String message) {
    }

    public Inspection inspect(ModelSources.Resolved source) {
        return new Inspection(ModelKind.MLFLOW, null, null);
    }
}
