package dev.ballast.registry.domain.model;

/**
 * What Ballast can do with a version: a {@code BALLAST} model is a checked Tribuo model it can
 * serve and retrain; a {@code MLFLOW} version is registered as MLflow would, nothing more.
 */
public enum ModelKind {
    MLFLOW("mlflow"),
    BALLAST("ballast");

    private final String code;

    ModelKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ModelKind fromCode(String code) {
        return code.equals("ballast") ? BALLAST : MLFLOW;
    }
}
