package dev.ballast.tracking.domain.dataset.scan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.ballast.tracking.domain.dataset.scan.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A numeric column that turns out to hold strings is recounted as text by a second pass, and only then. */
class DemotionTest {
    @TempDir
    Path dir;

    @Test
    void numericThenStringIsRecountedOverAllValues() throws IOException {
        AtomicInteger rereads = new AtomicInteger();
        String csv = "id,v,w\n1,10,1\n2,2.5,2\n3,10,3\n4,n/a,4\n5,10,x\n6,inf,6\n7,,7\n";
        DatasetProfile p = Fixtures.scan(DatasetFormat.CSV, dir, ScanSettings.defaults(), utf8(csv), rereads).profile();
        assertEquals(1, rereads.get());
        ColumnProfile v = p.column("v").orElseThrow();
        assertEquals(ColumnType.STRING, v.type());
        assertEquals(6, v.count());
        assertEquals(1, v.missing());
        assertNull(v.numeric());
        assertEquals(new CategoricalStats(4, false, List.of(new ValueCount("10", 3), new ValueCount("2.5", 1),
                new ValueCount("inf", 1), new ValueCount("n/a", 1))), v.categorical());
        ColumnProfile w = p.column("w").orElseThrow();
        assertEquals(ColumnType.STRING, w.type());
        assertEquals(7, w.categorical().distinct());
        assertEquals(ColumnType.INTEGER, p.column("id").orElseThrow().type());
        assertEquals(List.of("col-0.f64", "rows.h64"), Fixtures.fileNames(dir), "the demoted columns have no column file");
    }

    @Test
    void noSecondPassWithoutDemotion() throws IOException {
        AtomicInteger rereads = new AtomicInteger();
        // boolean then string, integer then double, string then number: all decided in one pass
        String csv = "b,n,s\ntrue,1,x\nmaybe,2.5,2\n";
        DatasetProfile p = Fixtures.scan(DatasetFormat.CSV, dir, ScanSettings.defaults(), utf8(csv), rereads).profile();
        assertEquals(0, rereads.get());
        assertEquals(List.of(new ValueCount("maybe", 1), new ValueCount("true", 1)), p.column("b").orElseThrow().categorical().top());
        assertEquals(ColumnType.DOUBLE, p.column("n").orElseThrow().type());
        assertEquals(List.of(new ValueCount("2", 1), new ValueCount("x", 1)), p.column("s").orElseThrow().categorical().top());
    }

    @Test
    void demotionProfileEqualsTheProfileOfTheStringColumnScannedInOrder() throws IOException {
        StringBuilder late = new StringBuilder("v\n");
        StringBuilder early = new StringBuilder("v\nword\n");
        for (int i = 0; i < 3000; i++) {
            late.append(i % 17).append('\n');
            early.append(i % 17).append('\n');
        }
        late.append("word\n");
        ColumnProfile a = Fixtures.scanCsv(dir.resolve("late"), late.toString()).profile().column("v").orElseThrow();
        ColumnProfile b = Fixtures.scanCsv(dir.resolve("early"), early.toString()).profile().column("v").orElseThrow();
        assertEquals(b, a);
    }

    @Test
    void rereadThatDiffersIsAnError() {
        byte[] first = utf8("v\n1\nx\n");
        byte[] other = utf8("v\n1\nxyz\n");
        IOException e = assertThrows(IOException.class, () -> new DatasetScanner(DatasetFormat.CSV, dir, ScanSettings.defaults())
                .scan(new java.io.ByteArrayInputStream(first), () -> new java.io.ByteArrayInputStream(other)));
        assertEquals("the re-read content differs from the first read (6 then 8 bytes)", e.getMessage());
        assertEquals(List.of(), Fixtures.fileNames(dir));
    }
}
