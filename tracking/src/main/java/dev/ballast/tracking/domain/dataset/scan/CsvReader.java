package dev.ballast.tracking.domain.dataset.scan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 4180 tokenizer over bytes: ',' separates fields, LF or CRLF ends records, {@code "..."} quotes fields (which may
 * hold separators and line breaks, {@code ""} standing for a quote), blank lines are skipped. Each field is handed to a
 * {@link FieldSink} as a range of the reusable buffer (quoted fields are unescaped in place), so nothing is allocated
 * per field. Every byte is checked: strict UTF-8, and each format error is reported with its physical line.
 */
final class CsvReader extends ByteSource {
    /** Receives the fields of the data records. */
    interface FieldSink {
        void field(int index, byte[] b, int off, int len) throws IOException;

        void endRecord() throws IOException;
    }

    private static final int SEPARATOR = 0;
    private static final int END_OF_LINE = 1;
    private static final int END_OF_FILE = 2;
    /** Bytes that stop the scan of an unquoted field: , LF CR " and every non-ASCII byte. */
    private static final boolean[] SPECIAL = new boolean[256];
    /** Bytes that stop the copy of a quoted field: " LF and non-ASCII. */
    private static final boolean[] SPECIAL_QUOTED = new boolean[256];
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    static {
        SPECIAL[','] = true;
        SPECIAL['\n'] = true;
        SPECIAL['\r'] = true;
        SPECIAL['"'] = true;
        SPECIAL_QUOTED['"'] = true;
        SPECIAL_QUOTED['\n'] = true;
        for (int i = 0x80; i < 0x100; i++) {
            SPECIAL[i] = true;
            SPECIAL_QUOTED[i] = true;
        }
    }

    private final int maxFieldBytes;
    private final int maxColumns;
    private long recordLine;
    private long fieldLine;

    CsvReader(InputStream in, int maxFieldBytes, int maxColumns) {
        super(in, maxFieldBytes);
        this.maxFieldBytes = maxFieldBytes;
        this.maxColumns = maxColumns;
    }

    /** Reads the header record: the column names, trimmed, unique and non-empty. */
    List<String> readHeader() throws IOException {
        skipBom();
        if (!skipBlankLines()) {
            throw new InvalidDatasetException(line, "the file is empty; a CSV needs a header line");
        }
        long headerLine = line;
        List<String> names = new ArrayList<>();
        int end;
        do {
            end = readField();
            if (names.size() == maxColumns) {
                throw new InvalidDatasetException(headerLine, "more than " + maxColumns + " columns");
            }
            names.add(new String(buf, mark, keep - mark, StandardCharsets.UTF_8).trim());
        } while (end == SEPARATOR);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (n.isEmpty()) {
                throw new InvalidDatasetException(headerLine, "column " + (i + 1) + " of the header has an empty name");
            }
            Integer before = seen.putIfAbsent(n, i);
            if (before != null) {
                throw new InvalidDatasetException(headerLine, "duplicate column name '" + n + "' at positions "
                        + (before + 1) + " and " + (i + 1));
            }
        }
        return names;
    }

    /**
     * Reads the next data record, handing its fields to the sink.
     *
     * @return false at the end of the input
     */
    boolean readRecord(FieldSink sink, int expected) throws IOException {
        if (!skipBlankLines()) {
            return false;
        }
        recordLine = line;
        int count = 0;
        int end;
        do {
            end = readField();
            if (count < expected) {
                sink.field(count, buf, mark, keep - mark);
            }
            count++;
        } while (end == SEPARATOR);
        if (count != expected) {
            throw new InvalidDatasetException(recordLine, "expected " + expected + " fields as in the header, found " + count);
        }
        sink.endRecord();
        return true;
    }

    /** Skips empty lines (LF or CRLF alone); returns false when the input ends first. */
    private boolean skipBlankLines() throws IOException {
        while (true) {
            if (pos == limit) {
                mark = keep = pos;
                if (!fill()) {
                    return false;
                }
            }
            byte c = buf[pos];
            if (c == '\n') {
                pos++;
                newLine(pos);
            } else if (c == '\r') {
                mark = keep = pos;
                if (!ensure(2)) {
                    // a lone CR at the end of the input: nothing more
                    pos++;
                    return false;
                }
                if (buf[pos + 1] != '\n') {
                    return true;
                }
                pos += 2;
                newLine(pos);
            } else {
                return true;
            }
        }
    }

    /** Reads one field into {@code [mark, keep)}; returns what ended it. */
    private int readField() throws IOException {
        mark = keep = pos;
        fieldLine = line;
        byte[] b = buf;
        int p = pos;
        int lim = limit;
        // fast path: an unquoted field of plain bytes ended by a separator or LF within the buffer
        if (p < lim && b[p] != '"') {
            while (p + 8 <= lim) {
                long m = special((long) Bytes.LONG.get(b, p));
                if (m == 0) {
                    p += 8;
                    continue;
                }
                p += Long.numberOfTrailingZeros(m) >>> 3;
                byte c = b[p];
                if (c == ',') {
                    checkLength(p - mark);
                    keep = p;
                    pos = p + 1;
                    return SEPARATOR;
                }
                if (c == '\n') {
                    checkLength(p - mark);
                    keep = p;
                    pos = p + 1;
                    newLine(pos);
                    return END_OF_LINE;
                }
                break;
            }
        }
        return readFieldSlow(p);
    }

    /** The general case of {@link #readField()}, resumed at buffer index {@code p}: refills, quotes, CR, UTF-8. */
    private int readFieldSlow(int p) throws IOException {
        if (p == pos) {
            if (pos == limit && !fill()) {
                return END_OF_FILE;
            }
            if (buf[pos] == '"') {
                return readQuoted();
            }
            p = pos;
        }
        byte[] b = buf;
        int lim = limit;
        while (true) {
            if (p + 8 <= lim) {
                long m = special((long) Bytes.LONG.get(b, p));
                if (m == 0) {
                    p += 8;
                    continue;
                }
                p += Long.numberOfTrailingZeros(m) >>> 3;
            } else {
                if (p == lim) {
                    pos = keep = p;
                    checkLength(p - mark);
                    if (!fill()) {
                        return END_OF_FILE;
                    }
                    b = buf;
                    p = pos;
                    lim = limit;
                    continue;
                }
                if (!SPECIAL[b[p] & 0xFF]) {
                    p++;
                    continue;
                }
            }
            int c = b[p];
            switch (c) {
                case ',' -> {
                    keep = p;
                    pos = p + 1;
                    checkLength(p - mark);
                    return SEPARATOR;
                }
                case '\n' -> {
                    keep = p;
                    pos = p + 1;
                    checkLength(p - mark);
                    newLine(pos);
                    return END_OF_LINE;
                }
                case '\r' -> {
                    if (p + 1 == lim) {
                        pos = keep = p;
                        boolean more = ensure(2);
                        b = buf;
                        p = pos;
                        lim = limit;
                        if (!more) {
                            // CR at the end of the input ends the record
                            keep = p;
                            pos = p + 1;
                            checkLength(p - mark);
                            return END_OF_FILE;
                        }
                    }
                    if (b[p + 1] == '\n') {
                        keep = p;
                        pos = p + 2;
                        checkLength(p - mark);
                        newLine(pos);
                        return END_OF_LINE;
                    }
                    p++;
                }
                case '"' -> throw new InvalidDatasetException(line, "a quote inside an unquoted field (column position "
                        + column(p) + "); quote the whole field and double the quotes inside it");
                default -> {
                    pos = keep = p;
                    int n = utf8(p);
                    b = buf;
                    p = pos + n;
                    lim = limit;
                }
            }
        }
    }

    /**
     * A word with the high bit set in each byte that stops an unquoted field (, LF CR " or non-ASCII): zero-byte
     * detection on the word XORed with each special byte. Only the lowest flagged byte is exact (a borrow may flag
     * bytes above a match), which is the one used.
     */
    private static long special(long w) {
        long x = w ^ 0x2C2C2C2C2C2C2C2CL;
        long y = w ^ 0x0A0A0A0A0A0A0A0AL;
        long z = w ^ 0x0D0D0D0D0D0D0D0DL;
        long q = w ^ 0x2222222222222222L;
        return (w | ((x - LOW_BITS) & ~x) | ((y - LOW_BITS) & ~y) | ((z - LOW_BITS) & ~z) | ((q - LOW_BITS) & ~q))
                & HIGH_BITS;
    }

    /** Reads a quoted field, unescaping it in place into {@code [mark, keep)}. */
    private int readQuoted() throws IOException {
        long startLine = line;
        pos++;
        mark = keep = pos;
        byte[] b = buf;
        int p = pos;
        int w = p;
        int lim = limit;
        while (true) {
            if (p == lim) {
                pos = p;
                keep = w;
                checkQuotedLength(w - mark, startLine);
                if (!fill()) {
                    throw new InvalidDatasetException(startLine, "end of file inside a quoted field that begins on this line");
                }
                b = buf;
                p = pos;
                w = keep;
                lim = limit;
                continue;
            }
            byte c = b[p];
            if (!SPECIAL_QUOTED[c & 0xFF]) {
                b[w++] = c;
                p++;
                continue;
            }
            if (c == '"') {
                if (p + 1 == lim) {
                    pos = p;
                    keep = w;
                    if (!ensure(2)) {
                        // closing quote at the very end of the input (the refill may have moved the bytes)
                        pos++;
                        checkQuotedLength(keep - mark, startLine);
                        return END_OF_FILE;
                    }
                    b = buf;
                    p = pos;
                    w = keep;
                    lim = limit;
                }
                if (b[p + 1] == '"') {
                    b[w++] = '"';
                    p += 2;
                    continue;
                }
                keep = w;
                pos = p + 1;
                checkQuotedLength(w - mark, startLine);
                return afterClosingQuote();
            }
            if (c == '\n') {
                b[w++] = c;
                p++;
                newLine(p);
                continue;
            }
            pos = p;
            keep = w;
            int n = utf8(p);
            b = buf;
            p = pos;
            w = keep;
            lim = limit;
            for (int i = 0; i < n; i++) {
                b[w++] = b[p++];
            }
        }
    }

    /** After a closing quote only a separator, a line end or the end of the input may follow. */
    private int afterClosingQuote() throws IOException {
        if (pos == limit && !fill()) {
            return END_OF_FILE;
        }
        byte c = buf[pos];
        if (c == ',') {
            pos++;
            return SEPARATOR;
        }
        if (c == '\n') {
            pos++;
            newLine(pos);
            return END_OF_LINE;
        }
        if (c == '\r') {
            if (!ensure(2)) {
                pos++;
                return END_OF_FILE;
            }
            if (buf[pos + 1] == '\n') {
                pos += 2;
                newLine(pos);
                return END_OF_LINE;
            }
        }
        String what = c >= 0x20 && c < 0x7F ? "'" + (char) c + "'" : String.format("byte 0x%02X", c & 0xFF);
        throw new InvalidDatasetException(line, "unexpected character " + what + " after the closing quote of a field "
                + "(column position " + column(pos) + "); only a separator or a line end may follow it");
    }

    private void checkLength(int len) {
        if (len > maxFieldBytes) {
            throw tooLong(fieldLine);
        }
    }

    private InvalidDatasetException tooLong(long at) {
        return new InvalidDatasetException(at, "a field is longer than " + maxFieldBytes + " bytes");
    }

    private void checkQuotedLength(int len, long startLine) {
        if (len > maxFieldBytes) {
            throw tooLong(startLine);
        }
    }
}
