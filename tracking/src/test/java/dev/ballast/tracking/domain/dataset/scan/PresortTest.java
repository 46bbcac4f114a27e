package dev.ballast.tracking.domain.dataset.scan;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pieces sorted on a background thread during the pass: whatever the piece and chunk sizes, the profile and the
 * derived files equal those of the plain sort; the thread ends and no temporary file is left, on success and failure.
 */
class PresortTest {
    @TempDir
    Path dir;

    private ScanResult scan(DatasetFormat format, String name, ScanSettings settings, int pieces, byte[] bytes)
            throws IOException {
        return new DatasetScanner(format, dir.resolve(name), settings, pieces)
                .scan(new ByteArrayInputStream(bytes), () -> new ByteArrayInputStream(bytes));
    }

    private void assertSameFiles(String expected, String actual) throws IOException {
        assertEquals(Fixtures.fileNames(dir.resolve(expected)), Fixtures.fileNames(dir.resolve(actual)));
        for (String f : Fixtures.fileNames(dir.resolve(expected))) {
            assertArrayEquals(Files.readAllBytes(dir.resolve(expected).resolve(f)),
                    Files.readAllBytes(dir.resolve(actual).resolve(f)), actual + "/" + f);
        }
    }

    @Test
    void anyPieceAndChunkSizeGivesTheSameResults() throws IOException {
        byte[] csv = Fixtures.utf8(Fixtures.metricsCsv(3000, 7));
        long[] chunks = {ScanSettings.defaults().sortChunkValues(), 97, 23};
        int[] pieces = {3, 64, 1000, 1 << 18};
        for (long chunk : chunks) {
            ScanSettings settings = ScanSettings.defaults().withSortChunkValues(chunk);
            String plain = "plain-" + chunk;
            DatasetProfile expected = scan(DatasetFormat.CSV, plain, settings, 0, csv).profile();
            for (int piece : pieces) {
                String name = "p" + piece + "-" + chunk;
                assertEquals(expected, scan(DatasetFormat.CSV, name, settings, piece, csv).profile(), name);
                assertSameFiles(plain, name);
            }
        }
    }

    @Test
    void jsonLinesWithPresortedPieces() throws IOException {
        Random r = new Random(3);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            sb.append("{\"x\": ").append(r.nextInt(1000) - 500).append(", \"y\": ").append(r.nextGaussian())
                    .append(", \"s\": \"v").append(r.nextInt(50)).append("\"}\n");
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        ScanSettings settings = ScanSettings.defaults().withSortChunkValues(300);
        DatasetProfile expected = scan(DatasetFormat.JSONL, "plain", settings, 0, bytes).profile();
        assertEquals(expected, scan(DatasetFormat.JSONL, "presort", settings, 33, bytes).profile());
        assertSameFiles("plain", "presort");
    }

    @Test
    void columnDemotedAfterManyPresortedPieces() throws IOException {
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int i = 0; i < 5000; i++) {
            sb.append(i % 997).append(',').append(i == 4000 ? "text" : Integer.toString(i * 31 % 1000)).append('\n');
        }
        byte[] csv = Fixtures.utf8(sb.toString());
        ScanSettings settings = ScanSettings.defaults().withSortChunkValues(250);
        DatasetProfile expected = scan(DatasetFormat.CSV, "plain", settings, 0, csv).profile();
        DatasetProfile actual = scan(DatasetFormat.CSV, "presort", settings, 16, csv).profile();
        assertEquals(expected, actual);
        assertEquals(ColumnType.STRING, actual.columns().get(1).type());
        assertSameFiles("plain", "presort");
        assertNoPresortThread();
    }

    @Test
    void failedScanStopsTheThreadAndLeavesNoFile() throws IOException {
        byte[] csv = Fixtures.utf8(Fixtures.metricsCsv(5000, 1) + "1,2\n");
        Path d = dir.resolve("failed");
        assertThrows(InvalidDatasetException.class, () -> new DatasetScanner(DatasetFormat.CSV, d,
                ScanSettings.defaults().withSortChunkValues(50), 8).scan(new ByteArrayInputStream(csv),
                () -> new ByteArrayInputStream(csv)));
        assertEquals(List.of(), Fixtures.fileNames(d));
        assertNoPresortThread();
    }

    @Test
    void successfulScanStopsTheThreadAndLeavesOnlyDerivedFiles() throws IOException {
        byte[] csv = Fixtures.utf8(Fixtures.metricsCsv(3000, 5));
        scan(DatasetFormat.CSV, "ok", ScanSettings.defaults().withSortChunkValues(100), 10, csv);
        assertEquals(List.of("col-1.f64", "col-2.f64", "col-3.f64", "col-6.f64", "rows.h64"),
                Fixtures.fileNames(dir.resolve("ok")));
        assertNoPresortThread();
    }

    /** With memory for only some piece buffers, later streams fall back to plain blocks; all sort the same. */
    @Test
    void streamsBeyondTheMemoryShareUsePlainBlocks() throws IOException {
        int piece = 64;
        long chunk = 200;
        // 6 buffers: two scratch, then room for 3 presorted streams (each holds one buffer, plus one in flight)
        try (SpillStore spill = SpillStore.create(dir, piece, chunk, 6L * piece * Long.BYTES)) {
            Random r = new Random(9);
            List<SpillStore.Stream> streams = new ArrayList<>();
            List<long[]> values = new ArrayList<>();
            for (int s = 0; s < 5; s++) {
                streams.add(spill.newStream(5));
                long[] v = new long[100 + 300 * s];
                for (int i = 0; i < v.length; i++) {
                    v[i] = s == 0 ? r.nextLong() : r.nextInt(1000) - 500;
                }
                values.add(v);
            }
            for (int i = 0; i < 1300; i++) {
                for (int s = 0; s < 5; s++) {
                    if (i < values.get(s).length) {
                        streams.get(s).add(values.get(s)[i]);
                    }
                }
            }
            spill.finish();
            assertTrue(streams.get(0).presorted());
            assertTrue(streams.get(2).presorted());
            assertFalse(streams.get(3).presorted());
            assertFalse(streams.get(4).presorted());
            for (int s = 0; s < 5; s++) {
                long[] expected = values.get(s).clone();
                Arrays.sort(expected);
                long[] got = new long[expected.length];
                int[] at = {0};
                new ExternalSorter(dir, "s" + s, chunk).sort(streams.get(s), (v, off, len) -> {
                    System.arraycopy(v, off, got, at[0], len);
                    at[0] += len;
                });
                assertArrayEquals(expected, got, "stream " + s);
            }
        }
        assertNoPresortThread();
        assertEquals(List.of(), Fixtures.fileNames(dir));
    }

    @Property(tries = 200)
    void mergeOfSortedRunsEqualsArraysSort(@ForAll @Size(max = 3000) List<Long> values,
                                           @ForAll @IntRange(min = 1, max = 700) int run) {
        int n = values.size();
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
            a[i] = values.get(i);
        }
        long[] expected = a.clone();
        Arrays.sort(expected);
        int runs = Math.max(1, (n + run - 1) / run);
        int[] ends = new int[runs];
        for (int i = 0; i < runs; i++) {
            ends[i] = Math.min(n, (i + 1) * run);
            Arrays.sort(a, i * run, ends[i]);
        }
        long[] sorted = ExternalSorter.mergeRuns(a, new long[n], ends, runs);
        assertArrayEquals(expected, Arrays.copyOf(sorted, n));
    }

    private static void assertNoPresortThread() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("dataset-scan-presort")) {
                try {
                    t.join(5000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                assertFalse(t.isAlive(), "the background sort thread still runs");
            }
        }
    }
}
