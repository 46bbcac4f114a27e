package dev.ballast.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads HTTP/1.1 responses off one connection with a buffer of its own, without building header
 * maps or strings for the body: the load generator only needs each response's status, its size
 * and whether the server closes the connection after it. Understands Content-Length, chunked
 * bodies and bodies that end with the connection.
 */
final class HttpResponseReader {
    /** One response: its status, its size on the wire (head and body) and whether the connection ends with it. */
    record Reply(int status, long bytes, boolean close) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final InputStream in;
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;
    private long consumed;

    HttpResponseReader(InputStream in) {
        this.in = in;
    }

    /** Reads the next whole response; EOFException when the connection ends before its status line. */
    Reply next() throws IOException {
        long start = consumed;
        String statusLine = line();
        if (statusLine == null) {
            throw new EOFException("connection closed before a response");
        }
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.x status line: " + statusLine);
        }
        boolean http10 = statusLine.startsWith("HTTP/1.0");
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = http10;
        for (String header = line(); ; header = line()) {
            if (header == null) {
                throw new EOFException("connection closed in the response head");
            }
            if (header.isEmpty()) {
                break;
            }
            int colon = header.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.contains("chunked");
                case "connection" -> close = value.contains("close") || (http10 && !value.contains("keep-alive"));
                default -> {
                }
            }
        }
        boolean bodyless = status == 204 || status == 304 || (status >= 100 && status < 200);
        if (bodyless) {
            // no body whatever the headers say
        } else if (chunked) {
            readChunks();
        } else if (length >= 0) {
            skip(length);
        } else {
            do {
                consumed += limit - position;
                position = limit;
            } while (fill());
            close = true;
        }
        return new Reply(status, consumed - start, close);
    }

    private void readChunks() throws IOException {
        while (true) {
            String size = line();
            if (size == null) {
                throw new EOFException("connection closed in a chunked body");
            }
            int semicolon = size.indexOf(';');
            long n = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (n == 0) {
                // trailers, up to the empty line
                for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                    // ignored
                }
                return;
            }
            skip(n);
            String end = line();
            if (end == null || !end.isEmpty()) {
                throw new IOException("chunk not followed by CRLF");
            }
        }
    }

    /** One line without its CRLF (or LF), or null at the end of the stream before any byte of it. */
    private String line() throws IOException {
        StringBuilder sb = null;
        while (true) {
            if (position == limit && !fill()) {
                if (sb == null) {
                    return null;
                }
                throw new EOFException("connection closed in a line");
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            boolean found = position < limit;
            int end = position;
            if (found) {
                position++;
            }
            consumed += position - start;
            String part = new String(buffer, start, end - start, StandardCharsets.ISO_8859_1);
            sb = sb == null ? new StringBuilder(part) : sb.append(part);
            if (found) {
                int n = sb.length();
                if (n > 0 && sb.charAt(n - 1) == '\r') {
                    sb.setLength(n - 1);
                }
                return sb.toString();
            }
        }
    }

    private void skip(long n) throws IOException {
        while (n > 0) {
            if (position == limit && !fill()) {
                throw new EOFException("connection closed in a body");
            }
            int step = (int) Math.min(n, limit - position);
            position += step;
            consumed += step;
            n -= step;
        }
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer, 0, buffer.length);
        if (read <= 0) {
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }
}
