package dev.ballast.tracking.domain;

import java.util.Map;

/** A dataset a run consumed (MLflow log-inputs), with its input tags such as {@code mlflow.data.context}. */
public record DatasetInput(String name, String digest, String sourceType, String source, String schema,
                           String profile, Map<String, String> tags) {

    public static final String CONTEXT_TAG = "mlflow.data.context";
}
