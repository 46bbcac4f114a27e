package dev.ballast.tracking.domain;

import java.util.Map;

/** An MLflow experiment: a named group of runs with its own artifact location and tags. */
public record Experiment(long id, String name, String artifactLocation, LifecycleStage stage,
                         long creationTime, long lastUpdateTime, Map<String, String> tags) {
}
