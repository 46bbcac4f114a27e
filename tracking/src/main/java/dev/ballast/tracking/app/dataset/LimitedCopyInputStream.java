package dev.ballast.tracking.app.dataset;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.function.LongConsumer;

/**
 * Reads a request body while writing every byte it reads to a file, the one copy that the parser
 * and the git blob writer then read. Stops with
 * {@link TooLargeException} once more than {@code limit} bytes arrive, and tells {@code atEnd}
 * the final size when the body ends, so hashing the file can start while the parser finishes;
 * {@code progress} hears the size after every write, for a reader following the file.
 */
final class LimitedCopyInputStream extends FilterInputStream {
    private final FileChannel copy;
    private final long limit;
    private final LongConsumer progress;
    private final LongConsumer atEnd;
    private long size;
    private boolean ended;

    LimitedCopyInputStream(InputStream in, FileChannel copy, long limit, LongConsumer progress, LongConsumer atEnd) {
        super(in);
        this.copy = copy;
        this.limit = limit;
        this.progress = progress;
        this.atEnd = atEnd;
    }

    /** Thrown when the body exceeds the limit. */
    static final class TooLargeException extends IOException {
        TooLargeException(long limit) {
            super("more than " + limit + " bytes");
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        // Fill the caller's buffer from the body's (small) network chunks before writing: one write
        // and one wake-up of the readers per buffer rather than per chunk.
        int n = 0;
        while (n < len) {
            int r = in.read(b, off + n, len - n);
            if (r < 0) {
                break;
            }
            n += r;
            if (size + n > limit) {
                break;
            }
        }
        if (n == 0 && len > 0) {
            end();
            return -1;
        }
        size += n;
        if (size > limit) {
            throw new TooLargeException(limit);
        }
        ByteBuffer chunk = ByteBuffer.wrap(b, off, n);
        while (chunk.hasRemaining()) {
            copy.write(chunk);
        }
        progress.accept(size);
        return n;
    }

    /** Reads the body to its end (each read copies), unless {@code stop} says the copy is no longer wanted. */
    void drain(java.util.function.BooleanSupplier stop) throws IOException {
        byte[] buffer = new byte[256 * 1024];
        while (!stop.getAsBoolean() && read(buffer, 0, buffer.length) >= 0) {
            // copied by read
        }
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skip is not supported: every byte must be copied");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    boolean exceeded() {
        return size > limit;
    }

    long size() {
        return size;
    }

    private void end() {
        if (!ended) {
            ended = true;
            atEnd.accept(size);
        }
    }
}
