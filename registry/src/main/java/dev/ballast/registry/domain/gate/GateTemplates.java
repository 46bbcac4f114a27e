package dev.ballast.registry.domain.gate;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The default gates per task type, from the model standards' metric targets.
 *
 * <p>It exists so a new model starts with the organisation's targets instead of none; they are
 * defaults the owner may edit. Thresholds and metric keys are those of the registry issue, which
 * match the keys the standards' training template logs with {@code mlflow.log_metric}
 * ({@code accuracy}, {@code f1}, {@code r2}); the standards' target table spells some differently
 * ({@code f1_score}, {@code auc_roc}, {@code r2_score}) and adds targets the issue leaves out
 * ({@code map_at_k >= 0.5}, an {@code rmse} bound set per business case). Percentages of the
 * standards are fractions here ({@code mape < 10%} is {@code mape < 0.10}), as scikit-learn's
 * {@code mean_absolute_percentage_error} reports them.
 */
public final class GateTemplates {
    private static final Map<TaskType, List<GateRule>> TEMPLATES = build();

    private GateTemplates() {
    }

    /** The default rules for {@code task}; empty for task types without targets. */
    public static List<GateRule> forTask(TaskType task) {
        return TEMPLATES.get(task);
    }

    /** Every task type with its default rules (possibly empty), in the enum's order. */
    public static Map<TaskType, List<GateRule>> all() {
        return TEMPLATES;
    }

    private static Map<TaskType, List<GateRule>> build() {
        Map<TaskType, List<GateRule>> map = new EnumMap<>(TaskType.class);
        map.put(TaskType.CLASSIFICATION, rules("metrics.accuracy >= 0.85", "metrics.f1 >= 0.80", "metrics.auc >= 0.85"));
        map.put(TaskType.REGRESSION, rules("metrics.r2 >= 0.75", "metrics.mape < 0.10"));
        map.put(TaskType.TIME_SERIES, rules("metrics.mape < 0.10", "metrics.directional_accuracy >= 0.60"));
        map.put(TaskType.RANKING, rules("metrics.ndcg_at_k >= 0.70"));
        map.put(TaskType.CLUSTERING, List.of());
        map.put(TaskType.ANOMALY_DETECTION, List.of());
        return Collections.unmodifiableMap(map);
    }

    private static List<GateRule> rules(String... expressions) {
        return GateRuleSet.parse(List.of(expressions)).rules();
    }
}
