package dev.ballast.tracking.domain.dataset.scan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * JSON Lines reader: splits the input into physical lines (checking strict UTF-8 and the line length), skips blank
 * lines, and parses each line as exactly one JSON object with Jackson's streaming parser. One non-blocking parser is
 * fed line after line, so no parser is created per row. Top-level values are handed to a {@link RowSink} as bytes:
 * strings decoded to UTF-8, numbers as their source text, nested objects and arrays as compact JSON text.
 */
final class JsonLinesReader extends ByteSource {
    static final int MAX_LINE = 16 * 1024 * 1024;

    static final int NULL = 0;
    static final int BOOLEAN = 1;
    static final int INTEGER = 2;
    static final int DOUBLE = 3;
    static final int INFINITE = 4;
    static final int STRING = 5;
    static final int NESTED = 6;

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

    /** Receives the top-level key/value pairs of each object. */
    interface RowSink {
        void startRow(long line) throws IOException;

        /** A value: its kind, its number when INTEGER/DOUBLE/INFINITE, and its text in {@code b[off, off+len)}. */
        void value(String key, int kind, long longValue, double doubleValue, byte[] b, int off, int len) throws IOException;

        void endRow() throws IOException;
    }

    private final JsonParser parser;
    private final ByteArrayFeeder feeder;
    private long fed;
    private byte[] text = new byte[256];
    private int textLength;
    private final Output nested = new Output();

    JsonLinesReader(InputStream in) throws IOException {
        super(in, MAX_LINE);
        this.parser = FACTORY.createNonBlockingByteArrayParser();
        this.feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
    }

    /** Skips a byte order mark; call once before the first line. */
    void start() throws IOException {
        skipBom();
    }

    /** Reads the next non-blank line into the sink; returns false at the end of the input. */
    boolean readRow(RowSink sink) throws IOException {
        while (true) {
            mark = keep = pos;
            byte[] b = buf;
            int p = pos;
            int lim = limit;
            int end;
            boolean terminated;
            while (true) {
                if (p == lim) {
                    pos = keep = p;
                    checkLineLength(p - mark);
                    if (!fill()) {
                        end = pos;
                        terminated = false;
                        break;
                    }
                    b = buf;
                    p = pos;
                    lim = limit;
                    continue;
                }
                byte c = b[p];
                if (c == '\n') {
                    end = p;
                    terminated = true;
                    break;
                }
                if (c >= 0) {
                    p++;
                    continue;
                }
                pos = keep = p;
                int n = utf8(p);
                b = buf;
                p = pos + n;
                lim = limit;
            }
            checkLineLength(end - mark);
            int start = mark;
            int stop = end;
            if (stop > start && buf[stop - 1] == '\r') {
                stop--;
            }
            pos = terminated ? end + 1 : end;
            boolean blank = true;
            for (int i = start; i < stop && blank; i++) {
                byte c = buf[i];
                blank = c == ' ' || c == '\t' || c == '\r';
            }
            if (!blank) {
                parseLine(sink, start, stop);
            }
            if (terminated) {
                newLine(pos);
            }
            if (!blank) {
                return true;
            }
            if (!terminated) {
                return false;
            }
        }
    }

    private void checkLineLength(int len) {
        if (len > MAX_LINE) {
            throw new InvalidDatasetException(line, "the line is longer than " + MAX_LINE + " bytes (16 MiB)");
        }
    }

    private void parseLine(RowSink sink, int start, int stop) throws IOException {
        long lineNo = line;
        long before = fed;
        try {
            feeder.feedInput(buf, start, stop);
            fed += stop - start;
            JsonToken t = parser.nextToken();
            if (t != JsonToken.START_OBJECT) {
                throw new InvalidDatasetException(lineNo, "expected a JSON object");
            }
            sink.startRow(lineNo);
            while (true) {
                t = parser.nextToken();
                if (t == JsonToken.END_OBJECT) {
                    break;
                }
                if (t != JsonToken.FIELD_NAME) {
                    throw incomplete(lineNo);
                }
                String key = parser.currentName();
                t = parser.nextToken();
                switch (t) {
                    case VALUE_NULL -> sink.value(key, NULL, 0, 0, TRUE, 0, 0);
                    case VALUE_TRUE -> sink.value(key, BOOLEAN, 0, 0, TRUE, 0, TRUE.length);
                    case VALUE_FALSE -> sink.value(key, BOOLEAN, 0, 0, FALSE, 0, FALSE.length);
                    case VALUE_NUMBER_INT -> {
                        captureText();
                        JsonParser.NumberType type = parser.getNumberType();
                        if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
                            sink.value(key, INTEGER, parser.getLongValue(), 0, text, 0, textLength);
                        } else {
                            double d = Double.parseDouble(parser.getText());
                            sink.value(key, Double.isInfinite(d) ? INFINITE : DOUBLE, 0, d, text, 0, textLength);
                        }
                    }
                    case VALUE_NUMBER_FLOAT -> {
                        captureText();
                        double d = parser.getDoubleValue();
                        sink.value(key, Double.isInfinite(d) ? INFINITE : DOUBLE, 0, d, text, 0, textLength);
                    }
                    case VALUE_STRING -> {
                        captureText();
                        sink.value(key, STRING, 0, 0, text, 0, textLength);
                    }
                    case START_OBJECT, START_ARRAY -> {
                        copyNested(lineNo);
                        sink.value(key, NESTED, 0, 0, nested.bytes(), 0, nested.size());
                    }
                    default -> throw incomplete(lineNo);
                }
            }
            long after = parser.currentLocation().getByteOffset() - before;
            for (int i = start + (int) after; i < stop; i++) {
                byte c = buf[i];
                if (c == ' ' || c == '\t' || c == '\r') {
                    continue;
                }
                if (c == '{') {
                    throw new InvalidDatasetException(lineNo, "expected one JSON object per line, found another after the first");
                }
                throw new InvalidDatasetException(lineNo, "invalid JSON: unexpected content after the object");
            }
            if (start + after < stop && parser.nextToken() != JsonToken.NOT_AVAILABLE) {
                throw new InvalidDatasetException(lineNo, "invalid JSON: unexpected content after the object");
            }
            sink.endRow();
        } catch (JsonProcessingException e) {
            throw new InvalidDatasetException(lineNo, "invalid JSON: " + reason(e));
        }
    }

    private static InvalidDatasetException incomplete(long lineNo) {
        return new InvalidDatasetException(lineNo, "invalid JSON: the object does not end on its line");
    }

    private static String reason(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            return "malformed content";
        }
        int nl = m.indexOf('\n');
        if (nl >= 0) {
            m = m.substring(0, nl);
        }
        return m.length() > 200 ? m.substring(0, 200) + "..." : m;
    }

    /** Encodes the current token's text (a string or a number) as UTF-8 into {@link #text}. */
    private void captureText() throws IOException {
        char[] chars = parser.getTextCharacters();
        int off = parser.getTextOffset();
        int len = parser.getTextLength();
        if (text.length < len * 3) {
            text = new byte[Math.max(text.length * 2, len * 3)];
        }
        byte[] out = text;
        int w = 0;
        int end = off + len;
        for (int i = off; i < end; i++) {
            char c = chars[i];
            if (c < 0x80) {
                out[w++] = (byte) c;
            } else if (c < 0x800) {
                out[w++] = (byte) (0xC0 | (c >> 6));
                out[w++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(chars[i + 1])) {
                int cp = Character.toCodePoint(c, chars[++i]);
                out[w++] = (byte) (0xF0 | (cp >> 18));
                out[w++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                out[w++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                out[w++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                if (Character.isSurrogate(c)) {
                    c = '\uFFFD'; // a lone surrogate from a \\u escape
                }
                out[w++] = (byte) (0xE0 | (c >> 12));
                out[w++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[w++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        textLength = w;
    }

    /** Writes the object or array at the current token as compact JSON into {@link #nested}, refusing duplicate keys. */
    private void copyNested(long lineNo) throws IOException {
        nested.reset();
        Deque<Set<String>> keys = new ArrayDeque<>();
        try (JsonGenerator g = FACTORY.createGenerator(nested)) {
            int depth = 0;
            JsonToken t = parser.currentToken();
            while (true) {
                switch (t) {
                    case START_OBJECT -> {
                        g.writeStartObject();
                        keys.push(new HashSet<>());
                        depth++;
                    }
                    case START_ARRAY -> {
                        g.writeStartArray();
                        keys.push(Set.of());
                        depth++;
                    }
                    case END_OBJECT -> {
                        g.writeEndObject();
                        keys.pop();
                        depth--;
                    }
                    case END_ARRAY -> {
                        g.writeEndArray();
                        keys.pop();
                        depth--;
                    }
                    case FIELD_NAME -> {
                        String name = parser.currentName();
                        if (!keys.peek().add(name)) {
                            throw new InvalidDatasetException(lineNo, "duplicate key '" + name + "' in a nested object");
                        }
                        g.writeFieldName(name);
                    }
                    case VALUE_STRING -> g.writeString(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> g.writeNumber(parser.getText());
                    case VALUE_TRUE -> g.writeBoolean(true);
                    case VALUE_FALSE -> g.writeBoolean(false);
                    case VALUE_NULL -> g.writeNull();
                    default -> throw incomplete(lineNo);
                }
                if (depth == 0) {
                    break;
                }
                t = parser.nextToken();
            }
        }
    }

    /** A byte array output stream whose bytes can be read without a copy. */
    private static final class Output extends ByteArrayOutputStream {
        byte[] bytes() {
            return buf;
        }
    }
}
