package dev.ballast.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServingFiguresTest {

    @Test
    void judgesEachTargetAgainstItsReference() {
        TargetFigures ping = target("ping", 10_000, 1_000_000);
        TargetFigures predict = target("predict", 7_000, 4_000_000);
        TargetFigures fastApi = target("fastapi", 1_000, 9_000_000);
        List<Figure> rows = ServingFigures.figures(predict, ping, fastApi);
        assertEquals("70% of ping", rows.get(0).comparison());
        assertEquals(Figure.Verdict.PASS, rows.get(0).verdict());
        assertEquals("4.00 ms / 4.00 ms", rows.get(1).ballast());
        assertEquals(Figure.Verdict.PASS, rows.get(1).verdict());
        assertEquals("p99 4.0x ping", rows.get(1).comparison());
        assertEquals("7.0x FastAPI", rows.get(2).comparison());
        assertEquals(Figure.Verdict.PASS, rows.get(2).verdict());

        List<Figure> slow = ServingFigures.figures(target("predict", 5_000, 5_000_000), ping, target("fastapi", 1_001, 1));
        assertEquals(Figure.Verdict.FAIL, slow.get(0).verdict(), "50% of ping");
        assertEquals(Figure.Verdict.FAIL, slow.get(1).verdict(), "p99 of exactly 5 ms is not under 5 ms");
        assertEquals(Figure.Verdict.FAIL, slow.get(2).verdict(), "just under 5x");
    }

    @Test
    void anUnavailableTargetLeavesItsComparisonsUnjudgedAndSaysWhy() {
        TargetFigures predict = TargetFigures.unavailable("predict", "404 (this build has no /serving/ route)");
        TargetFigures fastApi = TargetFigures.unavailable("fastapi", "apt-get install failed");
        List<Figure> rows = ServingFigures.figures(predict, target("ping", 10_000, 1_000_000), fastApi);
        for (int i = 0; i < 3; i++) {
            assertEquals(Figure.Verdict.NOT_MEASURED, rows.get(i).verdict());
            assertEquals("n/a", rows.get(i).verdict().label());
        }
        assertEquals("not available", rows.get(0).ballast());
        assertEquals("10,000 req/s (ping)", rows.get(0).baseline());
        List<String> notes = ServingFigures.notes(predict, target("ping", 10_000, 1_000_000), fastApi, 2);
        assertTrue(notes.get(0).startsWith("Predict endpoint not available: 404"), notes.get(0));
        assertTrue(notes.get(1).contains("apt-get install failed"), notes.get(1));
        assertTrue(notes.get(2).startsWith("ping: closed-loop rounds 10,000 req/s;"), "then the measured targets only: " + notes.get(2));
    }

    /** A target that served {@code perSecond} for one second with every open-loop latency equal to {@code latency}. */
    private static TargetFigures target(String name, long perSecond, long latency) {
        long[] latencies = new long[100];
        java.util.Arrays.fill(latencies, latency);
        LoadGenerator.Result closed = new LoadGenerator.Result(perSecond, 0, perSecond * 100, 1_000_000_000L, latencies, null);
        LoadGenerator.Result open = new LoadGenerator.Result(100, 0, 10_000, 1_000_000_000L, latencies, null);
        return new TargetFigures(name, closed, new double[] {perSecond}, perSecond / 2.0, open, 32, null);
    }
}
