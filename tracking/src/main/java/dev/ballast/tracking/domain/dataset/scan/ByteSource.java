package dev.ballast.tracking.domain.dataset.scan;

import java.io.IOException;
import java.io.InputStream;

/**
 * The input buffer of the readers, with physical line tracking and strict UTF-8 checks. Bytes are read 64 KiB at a
 * time into one reusable array; on refill, the bytes of the token being read ({@code [mark, keep)}) and the unread
 * bytes ({@code [pos, limit)}) are moved to the front, so a token is always contiguous, and the array grows only
 * when one token does not fit (up to the readers' own limits).
 */
abstract class ByteSource {
    static final int READ_SIZE = 64 * 1024;
    private final InputStream in;
    private final int maxBuffer;
    byte[] buf = new byte[READ_SIZE * 2];
    int pos;
    int limit;
    /** Start of the token being read, kept on refill. */
    int mark;
    /** End of the kept token bytes ({@code mark <= keep <= pos}); bytes between keep and pos are dropped on refill. */
    int keep;
    boolean eof;
    /** Absolute offset in the stream of {@code buf[0]}. */
    long base;
    long bytesRead;
    /** Current physical line, 1-based. */
    long line = 1;
    /** Absolute offset of the first byte of the current line. */
    long lineStart;

    ByteSource(InputStream in, int maxToken) {
        this.in = in;
        this.maxBuffer = (int) Math.min(Integer.MAX_VALUE - 16, (long) maxToken + 2L * READ_SIZE + 16);
    }

    /**
     * Reads more bytes, keeping {@code [mark, keep)} and {@code [pos, limit)}; adjusts mark, keep, pos and limit.
     *
     * @return false at the end of the input (nothing more was read)
     */
    final boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int kept = keep - mark;
        int unread = limit - pos;
        if (mark > 0 || keep < pos) {
            System.arraycopy(buf, mark, buf, 0, kept);
            System.arraycopy(buf, pos, buf, kept, unread);
            base += pos - kept;
            mark = 0;
            keep = kept;
            pos = kept;
            limit = kept + unread;
        }
        if (buf.length - limit < READ_SIZE / 2 && buf.length < maxBuffer) {
            byte[] bigger = new byte[(int) Math.min(maxBuffer, Math.max((long) buf.length * 2, (long) limit + READ_SIZE))];
            System.arraycopy(buf, 0, bigger, 0, limit);
            buf = bigger;
        }
        if (limit == buf.length) {
            throw new IllegalStateException("token larger than the buffer; the reader should have refused it");
        }
        int r;
        do {
            r = in.read(buf, limit, Math.min(READ_SIZE, buf.length - limit));
        } while (r == 0);
        if (r < 0) {
            eof = true;
            return false;
        }
        limit += r;
        bytesRead += r;
        return true;
    }

    /** Ensures at least {@code n} unread bytes at pos unless the input ends first; returns whether they are there. */
    final boolean ensure(int n) throws IOException {
        while (limit - pos < n) {
            if (!fill()) {
                return false;
            }
        }
        return true;
    }

    /** Skips a leading UTF-8 byte order mark. */
    final void skipBom() throws IOException {
        ensure(3);
        if (limit - pos >= 3 && (buf[pos] & 0xFF) == 0xEF && (buf[pos + 1] & 0xFF) == 0xBB && (buf[pos + 2] & 0xFF) == 0xBF) {
            pos += 3;
            lineStart = base + pos;
        }
    }

    /** Records a line feed just before {@code next} (the buffer index of the byte after it). */
    final void newLine(int next) {
        line++;
        lineStart = base + next;
    }

    /** The 1-based byte position in its line of buffer index {@code p}. */
    final long column(int p) {
        return base + p - lineStart + 1;
    }

    /**
     * Validates the UTF-8 sequence at buffer index {@code p} (a non-ASCII byte), refilling if it straddles the end of
     * the buffer; the caller must have set pos, mark and keep so that index {@code p} is kept ({@code pos <= p}).
     *
     * @return the length of the sequence; the buffer may have moved, the caller reloads pos-relative indexes
     */
    final int utf8(int p) throws IOException {
        while (true) {
            int r = Utf8.check(buf, p, limit);
            if (r > 0) {
                return r;
            }
            if (r == Utf8.NEED_MORE) {
                int before = pos;
                boolean more = fill();
                p += pos - before;
                if (!more) {
                    throw new InvalidDatasetException(line, String.format(
                            "invalid UTF-8 (truncated sequence at end of file, byte 0x%02X at column position %d)",
                            buf[p] & 0xFF, column(p)));
                }
                continue;
            }
            int bad = p + (-r - 1);
            throw new InvalidDatasetException(line, String.format("invalid UTF-8 (byte 0x%02X at column position %d)",
                    buf[bad] & 0xFF, column(bad)));
        }
    }

    long bytesRead() {
        return bytesRead;
    }
}
