package dev.ballast.tracking.domain.dataset.scan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The two-thread CSV pass gives the very profile and derived files of the one-thread pass, and stops its thread. */
class ParallelPassTest {
    @TempDir
    Path dir;

    private ScanResult scan(String name, boolean parallel, ScanSettings settings, byte[] csv) throws IOException {
        return new DatasetScanner(DatasetFormat.CSV, dir.resolve(name), settings, 0, parallel)
                .scan(new ByteArrayInputStream(csv), () -> new ByteArrayInputStream(csv));
    }

    private void assertSame(byte[] csv, ScanSettings settings) throws IOException {
        String tag = "s" + System.nanoTime();
        DatasetProfile one = scan(tag + "-one", false, settings, csv).profile();
        DatasetProfile two = scan(tag + "-two", true, settings, csv).profile();
        assertEquals(one, two);
        List<String> files = Fixtures.fileNames(dir.resolve(tag + "-one"));
        assertEquals(files, Fixtures.fileNames(dir.resolve(tag + "-two")));
        for (String f : files) {
            assertArrayEquals(Files.readAllBytes(dir.resolve(tag + "-one").resolve(f)),
                    Files.readAllBytes(dir.resolve(tag + "-two").resolve(f)), f);
        }
        assertNoColumnThread();
    }

    @Test
    void metricsFixture() throws IOException {
        assertSame(Fixtures.utf8(Fixtures.metricsCsv(50_000, 42)), ScanSettings.defaults());
        assertSame(Fixtures.utf8(Fixtures.metricsCsv(20_000, 3)), ScanSettings.defaults().withDistinctExactLimit(500));
    }

    @Test
    void demotedColumnsAndLongFieldsAcrossBatches() throws IOException {
        StringBuilder sb = new StringBuilder("a,b,c,d,e\n");
        String wide = "x".repeat(100_000);
        for (int i = 0; i < 40_000; i++) {
            sb.append(i % 997).append(',')
                    .append(i == 30_000 ? "text" : Integer.toString(i * 31 % 1000)).append(',')
                    .append(i % 5000 == 0 ? "\"" + wide + "\"" : "v" + (i % 13)).append(',')
                    .append(i % 3 == 0 ? "" : "true").append(',')
                    .append(i * 0.25).append('\n');
        }
        assertSame(Fixtures.utf8(sb.toString()), ScanSettings.defaults());
    }

    @Test
    void badRecordStopsTheColumnThread() {
        byte[] csv = Fixtures.utf8(Fixtures.metricsCsv(30_000, 1) + "1,2\n");
        assertThrows(InvalidDatasetException.class, () -> scan("bad", true, ScanSettings.defaults(), csv));
        assertNoColumnThread();
        assertEquals(List.of(), Fixtures.fileNames(dir.resolve("bad")));
    }

    private static void assertNoColumnThread() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("dataset-scan-columns")) {
                try {
                    t.join(5000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                assertFalse(t.isAlive(), "the column thread still runs");
            }
        }
    }
}
