package dev.ballast.registry.store.serving;

import dev.ballast.registry.domain.serving.CapturedInputs;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaptureJsonColumnsTest {

    @Test
    void readsWhatTheWriterWroteIntoColumnsWithNullsAsNaN() {
        Map<String, Double> first = new LinkedHashMap<>();
        first.put("a", 1.5);
        first.put("b", Double.NaN); // written as null
        Map<String, Double> second = new LinkedHashMap<>();
        second.put("b", -2.0); // another key order
        second.put("a", 3e-300);
        CapturedInputs.Builder columns = new CapturedInputs.Builder(1);
        CaptureJson.readInputsInto(CaptureJson.writeInputs(first), columns);
        CaptureJson.readInputsInto(CaptureJson.writeInputs(second), columns);
        CaptureJson.readInputsInto("{\"c\":7}", columns);
        CapturedInputs in = columns.build();
        assertEquals(3, in.rows());
        assertEquals(List.of("a", "b", "c"), in.features());
        assertEquals(1.5, in.values("a")[0]);
        assertEquals(3e-300, in.values("a")[1]);
        assertTrue(Double.isNaN(in.values("a")[2]), "a row without the feature");
        assertTrue(Double.isNaN(in.values("b")[0]), "a null value");
        assertEquals(-2.0, in.values("b")[1]);
        assertTrue(Double.isNaN(in.values("c")[0]) && Double.isNaN(in.values("c")[1]), "a feature first seen later");
        assertEquals(7.0, in.values("c")[2]);
    }

    @Test
    void refusesAnInputThatIsNotANumber() {
        CapturedInputs.Builder columns = new CapturedInputs.Builder(1);
        assertThrows(UncheckedIOException.class, () -> CaptureJson.readInputsInto("{\"a\":\"x\"}", columns));
        assertThrows(UncheckedIOException.class, () -> CaptureJson.readInputsInto("[1]", columns));
    }
}
