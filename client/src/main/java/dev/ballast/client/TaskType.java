package dev.ballast.client;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The prediction tasks a Ballast model can have: one per Tribuo output type, so the descriptor
 * says what a model predicts without loading it, and the loader can check the two agree.
 */
public enum TaskType {
    /** Real values, one per dimension ({@code org.tribuo.regression.Regressor}). */
    REGRESSION("regression", "org.tribuo.regression.Regressor"),
    /** One label out of a fixed set ({@code org.tribuo.classification.Label}). */
    CLASSIFICATION("classification", "org.tribuo.classification.Label"),
    /** Any subset of a fixed set of labels ({@code org.tribuo.multilabel.MultiLabel}). */
    MULTI_LABEL("multi_label", "org.tribuo.multilabel.MultiLabel"),
    /** A cluster id ({@code org.tribuo.clustering.ClusterID}). */
    CLUSTERING("clustering", "org.tribuo.clustering.ClusterID"),
    /** Expected or anomalous ({@code org.tribuo.anomaly.Event}). */
    ANOMALY_DETECTION("anomaly_detection", "org.tribuo.anomaly.Event");

    private final String jsonName;
    private final String outputClassName;

    TaskType(String jsonName, String outputClassName) {
        this.jsonName = jsonName;
        this.outputClassName = outputClassName;
    }

    /** The name written in {@code ballast-model.json}. */
    public String jsonName() {
        return jsonName;
    }

    /** The Tribuo {@code Output} class a model of this task predicts. */
    public String outputClassName() {
        return outputClassName;
    }

    /** Regression predicts real-valued dimensions; every other task predicts labels. */
    public boolean predictsLabels() {
        return this != REGRESSION;
    }

    /** The task named {@code name} in {@code ballast-model.json}. */
    public static Optional<TaskType> fromJsonName(String name) {
        return Arrays.stream(values()).filter(t -> t.jsonName.equals(name)).findFirst();
    }

    /** The task whose Tribuo output class is {@code className}. */
    public static Optional<TaskType> forOutputClass(String className) {
        return Arrays.stream(values()).filter(t -> t.outputClassName.equals(className)).findFirst();
    }

    /** The JSON names, for messages. */
    public static String jsonNames() {
        return Arrays.stream(values()).map(TaskType::jsonName).collect(Collectors.joining(", "));
    }
}
