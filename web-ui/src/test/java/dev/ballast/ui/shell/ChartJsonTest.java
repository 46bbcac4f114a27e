package dev.ballast.ui.shell;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ChartJsonTest {

    @Test
    void writesSeriesAlignedWithX() {
        String json = ChartJson.lines().x(List.of(0, 1, 2), "step").yLabel("value")
                .series("loss", List.of(1.5, 0.75, 0.5)).json();
        assertEquals("{\"kind\":\"lines\",\"xLabel\":\"step\",\"yLabel\":\"value\",\"time\":false,\"x\":[0,1,2],"
                + "\"series\":[{\"label\":\"loss\",\"values\":[1.5,0.75,0.5]}]}", json);
    }

    @Test
    void labelsCannotCloseTheScriptBlock() {
        String json = ChartJson.bars().x(List.of(1), "bin").series("</script><script>alert('x')</script>&", List.of(2)).json();
        assertFalse(json.contains("<") || json.contains(">") || json.contains("&"), json);
        assertEquals("\"\\u003c/script\\u003e\"", ChartJson.string("</script>"));
    }

    @Test
    void nanAndInfinityBecomeGaps() {
        String json = ChartJson.lines().x(List.of(0, 1, 2, 3), "step")
                .series("m", Arrays.asList(Double.NaN, Double.POSITIVE_INFINITY, null, 3.25)).json();
        assertEquals(true, json.contains("\"values\":[null,null,null,3.25]"), json);
    }
}
