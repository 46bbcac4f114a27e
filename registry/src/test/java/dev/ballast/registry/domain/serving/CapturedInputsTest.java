package dev.ballast.registry.domain.serving;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CapturedInputsTest {

    @Test
    void columnsGrowPastTheirFirstCapacityAndKeepEveryRow() {
        CapturedInputs.Builder b = new CapturedInputs.Builder(16);
        for (int i = 0; i < 1000; i++) {
            b.startRow();
            b.value("x", i);
            if (i % 2 == 0) {
                b.value("even", i);
            }
            if (i == 999) {
                b.value("late", 1);
            }
        }
        CapturedInputs in = b.build();
        assertEquals(1000, in.rows());
        assertEquals(List.of("x", "even", "late"), in.features());
        for (int i = 0; i < 1000; i++) {
            assertEquals(i, in.values("x")[i]);
            assertEquals(i % 2 == 0, !Double.isNaN(in.values("even")[i]), "row " + i);
            assertEquals(i == 999, !Double.isNaN(in.values("late")[i]), "row " + i);
        }
        assertNull(in.values("never"));
    }

    @Test
    void nonFiniteAndMissingValuesAreNaN() {
        CapturedInputs.Builder b = new CapturedInputs.Builder(4);
        b.startRow();
        b.value("x", Double.POSITIVE_INFINITY);
        b.missing("y");
        CapturedInputs in = b.build();
        assertTrue(Double.isNaN(in.values("x")[0]));
        assertTrue(Double.isNaN(in.values("y")[0]));
    }

    @Test
    void theDefaultReadBuildsColumnsFromTheWindowNewestFirst() {
        CaptureStore store = new CaptureStore() {
            @Override
            public void insertBatch(List<CapturedPrediction> predictions) {
            }

            @Override
            public List<CapturedPrediction> window(String model, Integer version, long from, long to, int limit) {
                java.util.HashMap<String, Double> withNull = new java.util.HashMap<>();
                withNull.put("a", null);
                return List.of(new CapturedPrediction(model, 1, null, 2, Map.of("a", 2.0), Map.of(), false),
                        new CapturedPrediction(model, 1, null, 1, withNull, Map.of(), false));
            }

            @Override
            public long count(String model, Integer version, long from, long to) {
                return 2;
            }
        };
        CapturedInputs in = store.inputs("m", 1, 0, 10, 10);
        assertEquals(2, in.rows());
        assertEquals(2.0, in.values("a")[0]);
        assertTrue(Double.isNaN(in.values("a")[1]));
    }
}
