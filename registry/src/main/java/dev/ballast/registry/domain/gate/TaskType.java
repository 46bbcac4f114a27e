package dev.ballast.registry.domain.gate;

import dev.ballast.core.error.BallastException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The kind of problem a registered model solves, which decides its default gates.
 *
 * <p>It exists because the model standards (shared/seeds, "métricas objetivo por tipo") set metric
 * targets per task type; {@link GateTemplates} turns them into rules. The four types with targets
 * come from that table; {@link #CLUSTERING} and {@link #ANOMALY_DETECTION} are the other model
 * kinds of the reference use case (K-Means segmentation, anomaly detection) and have no default
 * gates, since the standards set no targets for them.
 */
public enum TaskType {
    CLASSIFICATION,
    REGRESSION,
    TIME_SERIES,
    RANKING,
    CLUSTERING,
    ANOMALY_DETECTION;

    /** The lower-case name used in JSON and URLs, e.g. {@code time_series}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a task type case-insensitively, with {@code _}, {@code -} or a space between words
     * ({@code time_series}, {@code Time-Series}, {@code TIME SERIES}).
     *
     * @throws BallastException (INVALID_PARAMETER_VALUE) listing the allowed values
     */
    public static TaskType parse(String text) {
        if (text != null) {
            String normalised = text.strip().replaceAll("[-\\s]+", "_").toUpperCase(Locale.ROOT);
            for (TaskType t : values()) {
                if (t.name().equals(normalised)) {
                    return t;
                }
            }
        }
        String allowed = Arrays.stream(values()).map(TaskType::id).collect(Collectors.joining(", "));
        throw BallastException.invalid("Invalid task type '" + (text == null ? "" : text) + "': expected one of " + allowed + ".");
    }
}
