package dev.ballast.registry.domain.gate;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GateTemplatesTest {

    private static List<String> texts(TaskType task) {
        return GateTemplates.forTask(task).stream().map(GateRule::expression).toList();
    }

    @Test
    void classification() {
        assertEquals(List.of("metrics.accuracy >= 0.85", "metrics.f1 >= 0.8", "metrics.auc >= 0.85"), texts(TaskType.CLASSIFICATION));
    }

    @Test
    void regression() {
        assertEquals(List.of("metrics.r2 >= 0.75", "metrics.mape < 0.1"), texts(TaskType.REGRESSION));
    }

    @Test
    void timeSeries() {
        assertEquals(List.of("metrics.mape < 0.1", "metrics.directional_accuracy >= 0.6"), texts(TaskType.TIME_SERIES));
    }

    @Test
    void ranking() {
        assertEquals(List.of("metrics.ndcg_at_k >= 0.7"), texts(TaskType.RANKING));
    }

    @Test
    void taskTypesWithoutTargetsHaveNoDefaultGates() {
        assertEquals(List.of(), texts(TaskType.CLUSTERING));
        assertEquals(List.of(), texts(TaskType.ANOMALY_DETECTION));
    }

    @Test
    void thresholdsAreTheExactNumbers() {
        assertEquals(new Threshold.Fixed(0.85), GateTemplates.forTask(TaskType.CLASSIFICATION).get(0).threshold());
        assertEquals(new Threshold.Fixed(0.80), GateTemplates.forTask(TaskType.CLASSIFICATION).get(1).threshold());
        assertEquals(new Threshold.Fixed(0.10), GateTemplates.forTask(TaskType.REGRESSION).get(1).threshold());
        assertEquals(Comparison.LESS, GateTemplates.forTask(TaskType.REGRESSION).get(1).comparison());
        assertEquals(new Threshold.Fixed(0.60), GateTemplates.forTask(TaskType.TIME_SERIES).get(1).threshold());
        assertEquals(new Threshold.Fixed(0.70), GateTemplates.forTask(TaskType.RANKING).get(0).threshold());
    }

    @Test
    void templatesBehaveAtTheirBoundaries() {
        GateRuleSet regression = GateRuleSet.of(GateTemplates.forTask(TaskType.REGRESSION));
        assertTrue(regression.evaluate(Map.of("r2", 0.75, "mape", 0.0999), null, null).passed());
        assertFalse(regression.evaluate(Map.of("r2", 0.75, "mape", 0.10), null, null).passed());
    }

    @Test
    void allCoversEveryTaskTypeInOrderAndIsReadOnly() {
        Map<TaskType, List<GateRule>> all = GateTemplates.all();
        assertEquals(List.of(TaskType.values()), List.copyOf(all.keySet()));
        for (TaskType t : TaskType.values()) {
            assertEquals(GateTemplates.forTask(t), all.get(t));
        }
        assertThrows(UnsupportedOperationException.class, () -> all.put(TaskType.RANKING, List.of()));
        assertThrows(UnsupportedOperationException.class, () -> GateTemplates.forTask(TaskType.RANKING).clear());
    }
}
