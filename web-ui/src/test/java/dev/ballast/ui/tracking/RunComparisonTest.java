package dev.ballast.ui.tracking;

import dev.ballast.tracking.domain.LifecycleStage;
import dev.ballast.tracking.domain.Metric;
import dev.ballast.tracking.domain.Run;
import dev.ballast.tracking.domain.RunInfo;
import dev.ballast.tracking.domain.RunStatus;
import dev.ballast.ui.shell.Formats;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunComparisonTest {

    private static Run run(String id, Map<String, String> params, List<Metric> metrics) {
        RunInfo info = new RunInfo(id, 1, "run-" + id, "me", RunStatus.FINISHED, 1000L, 2000L, LifecycleStage.ACTIVE, "mlflow-artifacts:/1");
        return new Run(info, metrics, params, Map.of(), List.of());
    }

    @Test
    void marksRowsWhoseValuesDifferIncludingAMissingKey() {
        List<Run> runs = List.of(
                run("a", Map.of("model", "tree", "lr", "0.1"), List.of(new Metric("rmse", 0.1234567, 0, 0))),
                run("b", Map.of("model", "tree"), List.of(new Metric("rmse", 0.1234568, 0, 0))));
        List<RunComparison.Row> params = RunComparison.params(runs);
        assertEquals(List.of("lr", "model"), params.stream().map(RunComparison.Row::key).toList());
        assertTrue(params.get(0).differs(), "lr is missing from one run");
        assertEquals(List.of("0.1", ""), params.get(0).values());
        assertFalse(params.get(1).differs());

        RunComparison.Row rmse = RunComparison.metrics(runs, Formats.INSTANCE).get(0);
        assertEquals(rmse.values().get(0), rmse.values().get(1), "they print alike");
        assertTrue(rmse.differs(), "but differ as logged");
        assertFalse(RunComparison.attributes(runs, Formats.INSTANCE).stream().anyMatch(RunComparison.Row::differs));
        assertEquals(List.of("lr", "rmse"), RunComparison.onlyDifferences(
                java.util.stream.Stream.concat(params.stream(), List.of(rmse).stream()).toList()).stream().map(RunComparison.Row::key).toList());
    }
}
