package dev.ballast.registry.store.serving;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The inputs and output columns' JSON: round trips, and non-finite numbers written as null. */
class CaptureJsonTest {

    @Test
    void inputsRoundTripAndNonFiniteValuesBecomeNull() {
        Map<String, Double> inputs = new LinkedHashMap<>();
        inputs.put("age", 42.5);
        inputs.put("tenure", -1e-9);
        inputs.put("nan", Double.NaN);
        inputs.put("inf", Double.POSITIVE_INFINITY);
        String json = CaptureJson.writeInputs(inputs);
        assertEquals("{\"age\":42.5,\"tenure\":-1.0E-9,\"nan\":null,\"inf\":null}", json);
        Map<String, Double> read = CaptureJson.readInputs(json);
        assertEquals(42.5, read.get("age"));
        assertEquals(-1e-9, read.get("tenure"));
        assertNull(read.get("nan"));
        assertEquals(4, read.size());
    }

    @Test
    void outputsRoundTrip() {
        Map<String, Object> classification = new LinkedHashMap<>();
        classification.put("label", "churn");
        classification.put("scores", Map.of("churn", 0.75));
        assertEquals(classification, CaptureJson.readOutput(CaptureJson.writeOutput(classification)));

        Map<String, Object> regression = Map.of("values", Map.of("a", 1.5, "b", Double.NaN));
        assertEquals("{\"values\":{\"a\":1.5,\"b\":null}}".length(), CaptureJson.writeOutput(regression).length());
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) CaptureJson.readOutput(CaptureJson.writeOutput(regression)).get("values");
        assertEquals(1.5, values.get("a"));
        assertNull(values.get("b"));

        assertEquals(Map.of("n", 3L, "ok", true, "list", List.of("x", 2.5)),
                CaptureJson.readOutput(CaptureJson.writeOutput(Map.of("n", 3, "ok", true, "list", List.of("x", 2.5)))));
    }
}
