package dev.ballast.tracking.domain.dataset.scan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.ballast.tracking.domain.dataset.scan.Fixtures.scanJsonl;
import static dev.ballast.tracking.domain.dataset.scan.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JSON Lines: evolving keys, value kinds, nested values, row hashes, and refusals with their line. */
class JsonLinesScanTest {
    @TempDir
    Path dir;

    @Test
    void evolvingKeysAndNestedValues() throws IOException {
        String jsonl = "\uFEFF{\"id\": 1, \"name\": \"a\", \"score\": 0.5}\r\n"
                + "\n"
                + "   \n"
                + "{\"name\": \"b\", \"id\": 2, \"tags\": [\"x\", {\"k\": 1.50, \"n\": null}]}\n"
                + "{\"id\": 3, \"meta\": {\"z\": true, \"a\": \"\\u00e9\\n\"}, \"score\": null}\n"
                + "{\"id\": 4, \"score\": 2, \"name\": \"123\"}";
        DatasetProfile p = scanJsonl(dir, jsonl).profile();
        assertEquals(4, p.rows());
        assertEquals(List.of("id", "name", "score", "tags", "meta"), p.columnNames());
        ColumnProfile id = p.column("id").orElseThrow();
        assertEquals(ColumnType.INTEGER, id.type());
        assertEquals(4, id.count());
        assertEquals(2.5, id.numeric().mean());
        ColumnProfile name = p.column("name").orElseThrow();
        assertEquals(ColumnType.STRING, name.type(), "a JSON string is never read as a number");
        assertEquals(3, name.count());
        assertEquals(1, name.missing());
        ColumnProfile score = p.column("score").orElseThrow();
        assertEquals(ColumnType.DOUBLE, score.type());
        assertEquals(2, score.count());
        assertEquals(2, score.missing(), "null and an absent key are both missing");
        ColumnProfile tags = p.column("tags").orElseThrow();
        assertEquals(ColumnType.STRING, tags.type());
        assertEquals(3, tags.missing(), "rows before the key first appeared count as missing");
        assertEquals("[\"x\",{\"k\":1.50,\"n\":null}]", tags.categorical().top().get(0).value());
        assertEquals("{\"z\":true,\"a\":\"é\\n\"}", p.column("meta").orElseThrow().categorical().top().get(0).value());
    }

    @Test
    void trailingWhitespaceAfterMultibyteContent() throws IOException {
        DatasetProfile p = scanJsonl(dir, "{\"a\": \"é€😀\", \"b\": 1}  \t \r\n{\"a\": \"x\"}\t\n").profile();
        assertEquals(2, p.rows());
        assertEquals(List.of(new ValueCount("x", 1), new ValueCount("é€😀", 1)), p.column("a").orElseThrow().categorical().top());
    }

    @Test
    void valueKinds() throws IOException {
        String jsonl = "{\"b\": true, \"i\": 9223372036854775807, \"big\": 92233720368547758070, \"f\": 1e2, \"inf\": 1e999}\n"
                + "{\"b\": false, \"i\": -1, \"big\": 1, \"f\": 3, \"inf\": 2.5}\n";
        DatasetProfile p = scanJsonl(dir, jsonl).profile();
        assertEquals(ColumnType.BOOLEAN, p.column("b").orElseThrow().type());
        assertEquals(ColumnType.INTEGER, p.column("i").orElseThrow().type());
        assertEquals(ColumnType.DOUBLE, p.column("big").orElseThrow().type(), "an integer beyond a long is a double");
        assertEquals(ColumnType.DOUBLE, p.column("f").orElseThrow().type(), "an exponent makes a double");
        ColumnProfile inf = p.column("inf").orElseThrow();
        assertEquals(1, inf.count());
        assertEquals(1, inf.numeric().infinite());
    }

    @Test
    void rowHashIgnoresKeyOrderButNotValuesOrKinds() throws IOException {
        assertArrayEquals(hashes("{\"a\":1,\"b\":\"x\"}\n"), hashes("{\"b\":\"x\",\"a\":1}\n"));
        assertArrayEquals(hashes("{\"a\":1,\"b\":null}\n"), hashes("{\"a\":1}\n"), "null is missing, like an absent key");
        assertFalse(Arrays.equals(hashes("{\"a\":1}\n"), hashes("{\"a\":\"1\"}\n")));
        assertFalse(Arrays.equals(hashes("{\"a\":1,\"b\":2}\n"), hashes("{\"a\":2,\"b\":1}\n")));
        assertFalse(Arrays.equals(hashes("{\"a\":1}\n"), hashes("{\"b\":1}\n")));
    }

    private long[] hashes(String jsonl) throws IOException {
        Path d = dir.resolve("h" + System.nanoTime());
        scanJsonl(d, jsonl);
        try (DerivedFile.Reader r = new DerivedFile.Reader(new DerivedLayout(d).rowHashes(), DerivedFile.HASHES)) {
            long[] out = new long[(int) r.count()];
            for (int i = 0; i < out.length; i++) {
                out[i] = r.get(i);
            }
            return out;
        }
    }

    @Test
    void demotedNumericColumnIsRecountedAsText() throws IOException {
        AtomicInteger rereads = new AtomicInteger();
        String jsonl = "{\"v\": 1}\n{\"v\": 2.50}\n{\"v\": \"x\"}\n{\"v\": 1}\n";
        DatasetProfile p = Fixtures.scan(DatasetFormat.JSONL, dir, ScanSettings.defaults(), utf8(jsonl), rereads).profile();
        assertEquals(1, rereads.get());
        ColumnProfile v = p.column("v").orElseThrow();
        assertEquals(ColumnType.STRING, v.type());
        assertEquals(List.of(new ValueCount("1", 2), new ValueCount("2.50", 1), new ValueCount("x", 1)), v.categorical().top());
        assertEquals(List.of("rows.h64"), Fixtures.fileNames(dir));
    }

    // ---- refusals ----

    private void assertRefused(long line, String fragment, String jsonl) {
        assertRefused(line, fragment, utf8(jsonl));
    }

    private void assertRefused(long line, String fragment, byte[] bytes) {
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class,
                () -> Fixtures.scan(DatasetFormat.JSONL, dir, ScanSettings.defaults(), bytes));
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("line " + line + ": " + fragment), e.getMessage());
    }

    @Test
    void notAnObject() {
        assertRefused(2, "expected a JSON object", "{\"a\":1}\n[1,2]\n");
        assertRefused(3, "expected a JSON object", "{\"a\":1}\n\n42\n{\"a\":2}\n");
        assertRefused(1, "expected a JSON object", "\"text\"\n");
        assertRefused(1, "expected a JSON object", "true\n");
    }

    @Test
    void invalidJson() {
        assertRefused(2, "invalid JSON: ", "{\"a\":1}\n{\"a\":}\n");
        assertRefused(1, "invalid JSON: ", "{'a':1}\n");
        assertRefused(2, "invalid JSON: the object does not end on its line", "{\"a\":1}\n{\"a\":\n1}\n");
        assertRefused(1, "invalid JSON: unexpected content after the object", "{\"a\":1} x\n");
        assertRefused(1, "invalid JSON: unexpected content after the object", "{\"a\":1} tru\n{\"a\":2}\n");
        assertRefused(1, "expected one JSON object per line", "{\"a\":1} {\"a\":2}\n");
        assertRefused(1, "invalid JSON: ", "{\"a\":NaN}\n");
    }

    @Test
    void duplicateKeys() {
        assertRefused(2, "duplicate key 'a'", "{\"a\":1}\n{\"a\":1,\"b\":2,\"a\":3}\n");
        assertRefused(1, "duplicate key 'k' in a nested object", "{\"a\":{\"k\":1,\"k\":2}}\n");
    }

    @Test
    void invalidUtf8() {
        assertRefused(2, "invalid UTF-8 (byte 0xC0 at column position 8)",
                CsvScanTest.concat(utf8("{\"a\":1}\n{\"a\":\"x"), CsvScanTest.hex("C0 AF"), utf8("\"}\n")));
        assertRefused(1, "invalid UTF-8 (truncated sequence at end of file", CsvScanTest.concat(utf8("{\"a\":\""), CsvScanTest.hex("F0 9F 98")));
    }

    @Test
    void tooManyKeys() {
        ScanSettings s = ScanSettings.defaults().withMaxColumns(2);
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class, () -> Fixtures.scan(DatasetFormat.JSONL, dir, s,
                utf8("{\"a\":1,\"b\":2}\n{\"c\":3}\n")));
        assertEquals("line 2: more than 2 columns (distinct keys)", e.getMessage());
    }

    @Test
    void lineLongerThan16MiB() {
        byte[] bytes = utf8("{\"a\":\"" + "x".repeat(JsonLinesReader.MAX_LINE) + "\"}\n");
        assertRefused(1, "the line is longer than 16777216 bytes", bytes);
    }

    @Test
    void emptyInputHasNoRowsAndNoColumns() throws IOException {
        DatasetProfile p = scanJsonl(dir, "\n  \n").profile();
        assertEquals(0, p.rows());
        assertTrue(p.columns().isEmpty());
        assertNull(p.column("x").orElse(null));
    }
}
