package dev.ballast.tracking.domain.dataset.scan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static dev.ballast.tracking.domain.dataset.scan.Fixtures.scanCsv;
import static dev.ballast.tracking.domain.dataset.scan.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CSV parsing: RFC 4180 quoting, line ends, BOM, blank lines, and every refusal with its physical line. */
class CsvScanTest {
    @TempDir
    Path dir;

    @Test
    void quotesNewlinesCrlfAndBom() throws IOException {
        String csv = "\uFEFFname,\"note, with comma\",n\r\n"
                + "alice,\"she said \"\"hi\"\"\",1\r\n"
                + "\r\n"
                + "bob,\"two\r\nlines\",2\n"
                + "\n"
                + "\"carol\",,3";
        DatasetProfile p = scanCsv(dir, csv).profile();
        assertEquals(3, p.rows());
        assertEquals(List.of("name", "note, with comma", "n"), p.columnNames());
        ColumnProfile note = p.column("note, with comma").orElseThrow();
        assertEquals(ColumnType.STRING, note.type());
        assertEquals(2, note.count());
        assertEquals(1, note.missing());
        List<String> values = note.categorical().top().stream().map(ValueCount::value).sorted().toList();
        assertEquals(List.of("she said \"hi\"", "two\r\nlines"), values);
        assertEquals(List.of("alice", "bob", "carol"),
                p.column("name").orElseThrow().categorical().top().stream().map(ValueCount::value).toList());
        assertEquals(ColumnType.INTEGER, p.column("n").orElseThrow().type());
    }

    @Test
    void bytesCountsTheWholeInputIncludingTheBom() throws IOException {
        String csv = "\uFEFFa\n1\n";
        assertEquals(utf8(csv).length, scanCsv(dir, csv).bytes());
    }

    @Test
    void headerNamesAreTrimmed() throws IOException {
        assertEquals(List.of("a", "b c"), scanCsv(dir, " a ,\" b c \"\n1,2\n").profile().columnNames());
    }

    @Test
    void lastRecordWithoutTerminatorAndTrailingCr() throws IOException {
        assertEquals(2, scanCsv(dir, "a,b\n1,2\n3,4").profile().rows());
        assertEquals(2, scanCsv(dir, "a,b\r\n1,2\r\n3,4\r").profile().rows());
        assertEquals(1, scanCsv(dir, "a,b\n1,\"x\"").profile().rows());
    }

    @Test
    void headerOnlyGivesNoRows() throws IOException {
        DatasetProfile p = scanCsv(dir, "a,b\n").profile();
        assertEquals(0, p.rows());
        assertEquals(ColumnType.EMPTY, p.columns().get(0).type());
    }

    @Test
    void emptyFieldsAtTheEndOfARecord() throws IOException {
        DatasetProfile p = scanCsv(dir, "a,b,c\n1,,\n2,,\n").profile();
        assertEquals(2, p.column("c").orElseThrow().missing());
        assertEquals(ColumnType.EMPTY, p.column("c").orElseThrow().type());
    }

    @Test
    void missingTokens() throws IOException {
        DatasetProfile p = scanCsv(dir, "x\n1\nNA\nN/A\nNaN\nnan\nnull\nNULL\nNone\n\"\"\n2\n").profile();
        ColumnProfile x = p.column("x").orElseThrow();
        assertEquals(ColumnType.INTEGER, x.type());
        assertEquals(2, x.count());
        assertEquals(8, x.missing());
    }

    @Test
    void longQuotedFieldsAcrossManyBufferRefills() throws IOException {
        String big = "y".repeat(300_000) + "\"\"" + "z".repeat(100_000);
        DatasetProfile p = scanCsv(dir, "a,b\n\"" + big + "\",1\nshort,2\n").profile();
        assertEquals(2, p.rows());
        assertTrue(p.column("a").orElseThrow().categorical().top().stream()
                .anyMatch(v -> v.value().length() == 400_001 && v.value().contains("\"")));
    }

    @Test
    void sameProfileWhateverTheReadSizes() throws IOException {
        String metrics = Fixtures.metricsCsv(50, 3);
        byte[] bytes = utf8(metrics.substring(0, metrics.indexOf('\n')) + "\r\n\"x€\r\ny😀\"\"\",1,2.5,3,true,é€😀,1e3\r\n"
                + metrics.substring(metrics.indexOf('\n') + 1).replace("\n", "\r\n") + "\"last\",2,,1,false,\"\",7");
        DatasetProfile whole = Fixtures.scan(DatasetFormat.CSV, dir.resolve("w"), ScanSettings.defaults(), bytes).profile();
        assertEquals(52, whole.rows());
        for (int chunk : new int[] {1, 2, 3, 7}) {
            Path d = dir.resolve("c" + chunk);
            DatasetProfile p = new DatasetScanner(DatasetFormat.CSV, d, ScanSettings.defaults())
                    .scan(Fixtures.trickle(bytes, chunk), () -> Fixtures.trickle(bytes, chunk)).profile();
            assertEquals(whole, p);
        }
    }

    // ---- refusals ----

    private InvalidDatasetException refused(String csv) {
        return refused(utf8(csv));
    }

    private InvalidDatasetException refused(byte[] bytes) {
        return assertThrows(InvalidDatasetException.class,
                () -> Fixtures.scan(DatasetFormat.CSV, dir, ScanSettings.defaults(), bytes));
    }

    private static void assertLine(long line, String fragment, InvalidDatasetException e) {
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("line " + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void emptyFile() {
        assertLine(1, "the file is empty; a CSV needs a header line", refused(""));
        assertLine(1, "the file is empty", refused("\uFEFF"));
    }

    @Test
    void duplicateAndEmptyHeaderNames() {
        assertLine(1, "duplicate column name 'b' at positions 2 and 4", refused("a,b,c, b \n1,2,3,4\n"));
        assertLine(1, "column 2 of the header has an empty name", refused("a,  ,c\n"));
    }

    @Test
    void fieldCountDifferentFromTheHeader() {
        assertLine(3, "expected 3 fields as in the header, found 2", refused("a,b,c\n1,2,3\n4,5\n"));
        assertLine(3, "expected 3 fields as in the header, found 4", refused("a,b,c\n1,2,3\n4,5,6,7\n"));
        // the record starts on line 4 (after a blank line) and spans two lines
        assertLine(4, "expected 3 fields as in the header, found 2", refused("a,b,c\n1,2,3\n\n\"x\ny\",5\n"));
    }

    @Test
    void quoteInsideAnUnquotedField() {
        assertLine(2, "a quote inside an unquoted field (column position 5)", refused("a,b\nab,c\"d\n"));
    }

    @Test
    void characterAfterAClosingQuote() {
        assertLine(3, "unexpected character 'x' after the closing quote", refused("a,b\n1,2\n\"q\"x,3\n"));
        assertLine(2, "unexpected character ' ' after the closing quote", refused("a,b\n\"q\" ,3\n"));
    }

    @Test
    void endOfFileInsideAQuotedField() {
        assertLine(3, "end of file inside a quoted field that begins on this line", refused("a,b\n1,2\n3,\"open\n\nstill\n"));
    }

    @Test
    void fieldLongerThanTheLimit() {
        ScanSettings s = ScanSettings.defaults().withMaxFieldBytes(10);
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class,
                () -> Fixtures.scan(DatasetFormat.CSV, dir, s, utf8("a,b\n1,2\n3,\"0123456789\n1\"\n")));
        assertLine(3, "a field is longer than 10 bytes", e);
        e = assertThrows(InvalidDatasetException.class,
                () -> Fixtures.scan(DatasetFormat.CSV, dir, s, utf8("a,b\n1,2\n3,01234567890\n")));
        assertLine(3, "a field is longer than 10 bytes", e);
        // exactly the limit is fine
        assertDoesNotThrow(s, "a,b\n1,0123456789\n");
    }

    private void assertDoesNotThrow(ScanSettings s, String csv) {
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(
                () -> Fixtures.scan(DatasetFormat.CSV, dir.resolve("ok"), s, utf8(csv)));
    }

    @Test
    void moreColumnsThanTheLimit() {
        ScanSettings s = ScanSettings.defaults().withMaxColumns(3);
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class,
                () -> Fixtures.scan(DatasetFormat.CSV, dir, s, utf8("\n\na,b,c,d\n1,2,3,4\n")));
        assertLine(3, "more than 3 columns", e);
        assertDoesNotThrow(s, "a,b,c\n1,2,3\n");
    }

    @Test
    void invalidUtf8IsRefusedWithItsLineAndPosition() {
        for (String hex : new String[] {"FF", "C0 80", "C1 BF", "E0 80 80", "ED A0 80", "F0 80 80 80", "F4 90 80 80", "F5 80 80 80",
            "80", "C3 28"}) {
            byte[] bytes = concat(utf8("a,b\n1,2\nxy,é"), hex(hex), utf8("z\n"));
            InvalidDatasetException e = refused(bytes);
            assertLine(3, "invalid UTF-8 (byte 0x", e);
            // "xy,é" is 5 bytes: the sequence starts at position 6 of line 3
            assertTrue(e.getMessage().matches("line 3: invalid UTF-8 \\(byte 0x[0-9A-F]{2} at column position [67]\\)"),
                    hex + ": " + e.getMessage());
        }
    }

    @Test
    void invalidUtf8InAQuotedFieldAndInTheHeader() {
        assertLine(4, "invalid UTF-8 (byte 0xFF at column position 2)",
                refused(concat(utf8("a\n\"x\n\ny"), hex("FF"), utf8("\"\n"))));
        assertLine(1, "invalid UTF-8 (byte 0xFE at column position 3)", refused(concat(utf8("a,"), hex("FE"), utf8("\n1,2\n"))));
    }

    @Test
    void truncatedSequenceAtTheEndOfTheFile() {
        InvalidDatasetException e = refused(concat(utf8("a\nok\n\n"), hex("E2 82")));
        assertLine(4, "invalid UTF-8 (truncated sequence at end of file, byte 0xE2 at column position 1)", e);
    }

    @Test
    void validMultibyteCharactersAreAccepted() throws IOException {
        ColumnProfile c = scanCsv(dir, "名前\n日本語\n😀\n\u07FF\uFFFD\n").profile().column("名前").orElseThrow();
        assertEquals(3, c.count());
        assertNull(c.numeric());
    }

    static byte[] hex(String s) {
        String[] parts = s.trim().split("\\s+");
        byte[] out = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return out;
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
