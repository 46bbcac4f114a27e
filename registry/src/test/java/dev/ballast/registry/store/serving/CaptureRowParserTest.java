package dev.ballast.registry.store.serving;

import dev.ballast.registry.domain.serving.CapturedInputs;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fast row parser and the parallel reader read exactly what the JSON path reads, bit for bit. */
class CaptureRowParserTest {
    private static final double[] SPECIAL = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE,
        -Double.MAX_VALUE, 1e-300, 1e300, 123456789012345678.0, 0.1, 1.0 / 3, -2.5e-8, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY};

    @Test
    void readsWrittenRowsAsTheJsonPathDoes() {
        SplittableRandom r = new SplittableRandom(17);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            Map<String, Double> inputs = new LinkedHashMap<>();
            int features = i % 97 == 0 ? 3 : 6; // some rows carry fewer features
            for (int f = 0; f < features; f++) {
                double v = switch (r.nextInt(4)) {
                    case 0 -> SPECIAL[r.nextInt(SPECIAL.length)];
                    case 1 -> Double.longBitsToDouble(r.nextLong());
                    case 2 -> r.nextInt(1000) - 500.0;
                    default -> r.nextGaussian() * 1e3;
                };
                inputs.put(i % 50 == 0 ? "f" + (5 - f) : "f" + f, v); // some rows in another order
            }
            if (i % 31 == 0) {
                inputs.put(i % 2 == 0 ? "late" : "é \"quoted\" \\ name", 1.25); // new, escaped and non-ASCII names
            }
            rows.add(CaptureJson.writeInputs(inputs));
        }
        assertSame(jsonPath(rows), fastPath(rows));
    }

    @Test
    void rowsOfOtherShapesAreReadByTheJsonPath() {
        List<String> rows = List.of("{}", "{ \"a\" : 1.5 , \"b\":null }", "{\"a\":2,\"b\":-0.0}", "{\"a\":1E2,\"b\":3e-2}",
                "{\"a\":-7,\"b\":12345678901234567890}", "{\"b\":4.5}");
        CapturedInputs in = fastPath(rows);
        assertSame(jsonPath(rows), in);
        assertEquals(6, in.rows());
        assertEquals(100.0, in.values("a")[3]);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(in.values("b")[2]));
    }

    @Test
    void refusesWhatTheJsonPathRefuses() {
        for (String bad : List.of("{\"a\":\"x\"}", "[1]", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":0x1p3}", "{\"a\":1d}",
                "{\"a\":1,}", "{\"a\":}", "{\"a\" 1}")) {
            assertThrows(UncheckedIOException.class, () -> new CaptureRowParser().readInto(bad, new CapturedInputs.Builder(1)), bad);
        }
    }

    @Test
    void theParallelReadKeepsRowOrderAcrossBatchesAndJoinsLateFeatures() {
        int n = ParallelInputs.BATCH_ROWS * 5 + 123;
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(i < ParallelInputs.BATCH_ROWS * 3 ? "{\"a\":" + i + "}" : "{\"a\":" + i + ",\"b\":" + -i + "}");
        }
        List<Runnable> queued = new ArrayList<>();
        Executor later = queued::add; // runs the parses only when the reader waits, out of order
        ParallelInputs reader = new ParallelInputs(command -> {
            later.execute(command);
            if (queued.size() > 2) {
                queued.remove(queued.size() - 1).run();
                queued.remove(0).run();
            }
        }, 2);
        for (String row : rows) {
            reader.add(row);
        }
        queued.forEach(Runnable::run);
        CapturedInputs in = reader.finish();
        assertEquals(n, in.rows());
        assertEquals(List.of("a", "b"), in.features());
        for (int i = 0; i < n; i++) {
            assertEquals(i, in.values("a")[i]);
            if (i < ParallelInputs.BATCH_ROWS * 3) {
                assertTrue(Double.isNaN(in.values("b")[i]));
            } else {
                assertEquals(-i, in.values("b")[i]);
            }
        }
        assertSame(jsonPath(rows), in);
    }

    @Test
    void aSmallOrEmptyReadIsParsedOnTheCallingThreadAndAParseErrorReachesTheReader() {
        ParallelInputs none = new ParallelInputs(command -> {
            throw new AssertionError("no batch to hand off");
        }, 1);
        assertEquals(0, none.finish().rows());
        none = new ParallelInputs(command -> {
            throw new AssertionError("no batch to hand off");
        }, 1);
        none.add("{\"a\":1}");
        assertEquals(1, none.finish().rows());

        ParallelInputs failing = new ParallelInputs(Runnable::run, 1);
        for (int i = 0; i < ParallelInputs.BATCH_ROWS; i++) {
            failing.add(i == 7 ? "{\"a\":\"x\"}" : "{\"a\":1}");
        }
        assertThrows(UncheckedIOException.class, failing::finish);
    }

    private static CapturedInputs jsonPath(List<String> rows) {
        CapturedInputs.Builder columns = new CapturedInputs.Builder(rows.size());
        rows.forEach(row -> CaptureJson.readInputsInto(row, columns));
        return columns.build();
    }

    private static CapturedInputs fastPath(List<String> rows) {
        CapturedInputs.Builder columns = new CapturedInputs.Builder(1);
        CaptureRowParser parser = new CaptureRowParser();
        rows.forEach(row -> parser.readInto(row, columns));
        return columns.build();
    }

    private static void assertSame(CapturedInputs expected, CapturedInputs actual) {
        assertEquals(expected.rows(), actual.rows());
        assertEquals(expected.features(), actual.features());
        for (String f : expected.features()) {
            for (int i = 0; i < expected.rows(); i++) {
                assertEquals(Double.doubleToRawLongBits(expected.values(f)[i]), Double.doubleToRawLongBits(actual.values(f)[i]),
                        f + " row " + i);
            }
        }
    }
}
