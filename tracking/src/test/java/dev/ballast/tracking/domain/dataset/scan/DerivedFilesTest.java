package dev.ballast.tracking.domain.dataset.scan;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The derived files: their format, the external sort (tiny chunks equal the in-memory sort) and the cleanup. */
class DerivedFilesTest {
    @TempDir
    Path dir;

    @Test
    void fileFormatIsMagicCountAndSortedBigEndianValues() throws IOException {
        Fixtures.scanCsv(dir, "x,y\n3.5,a\n-1,b\n2,c\nNA,d\n");
        byte[] col = Files.readAllBytes(new DerivedLayout(dir).column(0));
        ByteBuffer b = ByteBuffer.wrap(col);
        byte[] magic = new byte[8];
        b.get(magic);
        assertEquals("BLSTF64\n", new String(magic, StandardCharsets.US_ASCII));
        assertEquals(3, b.getLong());
        assertEquals(-1.0, b.getDouble());
        assertEquals(2.0, b.getDouble());
        assertEquals(3.5, b.getDouble());
        assertEquals(16 + 3 * 8, col.length);

        byte[] rows = Files.readAllBytes(new DerivedLayout(dir).rowHashes());
        ByteBuffer r = ByteBuffer.wrap(rows);
        r.get(magic);
        assertEquals("BLSTH64\n", new String(magic, StandardCharsets.US_ASCII));
        assertEquals(4, r.getLong());
        long[] h = {r.getLong(), r.getLong(), r.getLong(), r.getLong()};
        long[] sorted = h.clone();
        Arrays.sort(sorted);
        assertArrayEquals(sorted, h, "hashes sorted as signed longs");
        assertEquals(4, Arrays.stream(h).distinct().count());
        assertEquals(List.of("col-0.f64", "rows.h64"), Fixtures.fileNames(dir), "only the derived files remain");
    }

    @Test
    void sortedColumnReader() throws IOException {
        Fixtures.scanCsv(dir, "x\n5\n-0.0\n0\n-7.5\n1e300\n");
        try (SortedColumn c = SortedColumn.open(new DerivedLayout(dir).column(0))) {
            assertEquals(5, c.count());
            assertEquals(-7.5, c.get(0));
            assertEquals(1e300, c.get(4));
            double[] all = c.readAll();
            assertEquals(List.of(-7.5, -0.0, 0.0, 5.0, 1e300), Arrays.stream(all).boxed().toList());
            assertThrows(IndexOutOfBoundsException.class, () -> c.get(5));
        }
        IOException bad = assertThrows(IOException.class, () -> SortedColumn.open(new DerivedLayout(dir).rowHashes()));
        assertTrue(bad.getMessage().contains("bad magic"), bad.getMessage());
    }

    @Test
    void truncatedFileIsRefused() throws IOException {
        Fixtures.scanCsv(dir, "x\n1\n2\n");
        Path p = new DerivedLayout(dir).column(0);
        byte[] bytes = Files.readAllBytes(p);
        Files.write(p, Arrays.copyOf(bytes, bytes.length - 3));
        assertThrows(IOException.class, () -> SortedColumn.open(p));
    }

    @Test
    void externalSortWithTinyChunksEqualsTheInMemorySort() throws IOException {
        byte[] csv = Fixtures.utf8(Fixtures.metricsCsv(3000, 11));
        Path memory = dir.resolve("memory");
        Path external = dir.resolve("external");
        Path multiRound = dir.resolve("rounds");
        DatasetProfile a = Fixtures.scan(DatasetFormat.CSV, memory, ScanSettings.defaults(), csv).profile();
        DatasetProfile b = Fixtures.scan(DatasetFormat.CSV, external, ScanSettings.defaults().withSortChunkValues(97), csv).profile();
        // 3000 values in runs of 7: 429 runs, more than the merge fan-in, so runs are merged in several rounds
        DatasetProfile c = Fixtures.scan(DatasetFormat.CSV, multiRound, ScanSettings.defaults().withSortChunkValues(7), csv).profile();
        assertEquals(a, b);
        assertEquals(a, c);
        for (String name : Fixtures.fileNames(memory)) {
            assertArrayEquals(Files.readAllBytes(memory.resolve(name)), Files.readAllBytes(external.resolve(name)), name);
            assertArrayEquals(Files.readAllBytes(memory.resolve(name)), Files.readAllBytes(multiRound.resolve(name)), name);
        }
        assertEquals(Fixtures.fileNames(memory), Fixtures.fileNames(external));
        assertEquals(Fixtures.fileNames(memory), Fixtures.fileNames(multiRound), "no run or spill file is left");
        assertEquals(List.of("col-1.f64", "col-2.f64", "col-3.f64", "col-6.f64", "rows.h64"), Fixtures.fileNames(memory));
    }

    @Test
    void columnFileHoldsEveryFiniteValueSorted() throws IOException {
        Random r = new Random(5);
        StringBuilder sb = new StringBuilder("v\n");
        double[] expected = new double[5000];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (r.nextInt(2_000_000) - 1_000_000) / 1000.0;
            sb.append(expected[i]).append('\n');
        }
        Arrays.sort(expected);
        Fixtures.scan(DatasetFormat.CSV, dir, ScanSettings.defaults().withSortChunkValues(300), Fixtures.utf8(sb.toString()));
        assertArrayEquals(expected, Fixtures.readColumn(new DerivedLayout(dir).column(0)));
    }

    @Test
    void failedScanLeavesNoFile() {
        byte[] csv = Fixtures.utf8(Fixtures.metricsCsv(200, 1) + "1,2\n");
        assertThrows(InvalidDatasetException.class, () -> Fixtures.scan(DatasetFormat.CSV, dir, ScanSettings.defaults(), csv));
        assertEquals(List.of(), Fixtures.fileNames(dir));
    }

    @Property(tries = 200)
    void radixSortEqualsArraysSort(@ForAll @Size(max = 6000) List<Long> values, @ForAll @IntRange(min = 0, max = 3) int shape) {
        long[] a = values.stream().mapToLong(v -> switch (shape) {
            case 0 -> v;
            case 1 -> v & 0xFFFF;
            case 2 -> SortableDouble.toSortable((double) (v % 1000));
            default -> SortableDouble.toSortable(v / 7.0);
        }).toArray();
        long[] expected = a.clone();
        Arrays.sort(expected);
        long[] sorted = RadixSort.sort(a, new long[a.length], a.length);
        assertArrayEquals(expected, Arrays.copyOf(sorted, a.length));
    }

    @Test
    void radixSortOnLargeArrays() {
        Random r = new Random(9);
        for (int shape = 0; shape < 4; shape++) {
            long[] a = new long[100_000];
            for (int i = 0; i < a.length; i++) {
                long v = r.nextLong();
                a[i] = switch (shape) {
                    case 0 -> v;
                    case 1 -> v >> 40;
                    case 2 -> SortableDouble.toSortable(r.nextInt(200));
                    default -> SortableDouble.toSortable(r.nextGaussian() * 1e-3);
                };
            }
            long[] expected = a.clone();
            Arrays.sort(expected);
            assertArrayEquals(expected, RadixSort.sort(a, new long[a.length], a.length), "shape " + shape);
        }
    }

    @Property(tries = 300)
    void sortableDoublesKeepNumericOrder(@ForAll double x, @ForAll double y) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return;
        }
        assertEquals(Double.doubleToRawLongBits(x), Double.doubleToRawLongBits(SortableDouble.fromSortable(SortableDouble.toSortable(x))));
        if (x < y) {
            assertTrue(SortableDouble.toSortable(x) < SortableDouble.toSortable(y));
        }
    }
}
