package dev.ballast.tracking.app.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file being written by one thread and read by another as it grows: the upload's scratch file,
 * written by the request thread while a second thread hashes and stores it as a git blob. Lets
 * the blob be written at the same time as the content is parsed when its length is declared,
 * instead of after.
 */
final class GrowingFile {
    /**
     * A reader waits for this much more (or what it asked for, if less) before it is woken: the
     * body arrives in small network chunks, and waking the parser and the blob writer for each
     * one costs more processor time in context switches and small reads than the work itself.
     */
    static final int WAKE_BYTES = 256 * 1024;
    private final Path file;
    private long written;
    /** The smallest size a waiting reader needs, when to wake them. */
    private long wakeAt = Long.MAX_VALUE;
    private boolean ended;
    private boolean aborted;

    GrowingFile(Path file) {
        this.file = file;
    }

    synchronized void written(long total) {
        written = total;
        if (total >= wakeAt) {
            wakeAt = Long.MAX_VALUE;
            notifyAll();
        }
    }

    synchronized void end() {
        ended = true;
        notifyAll();
    }

    /** The writer gave up: readers fail instead of waiting for bytes that will not come. */
    synchronized void abort() {
        aborted = true;
        notifyAll();
    }

    /**
     * Waits until {@code position + want} bytes exist or the file ended; answers the bytes
     * written (more than {@code position} unless the file ended there).
     */
    private synchronized long awaitBeyond(long position, int want) throws IOException {
        long target = position + want;
        while (written < target && !ended && !aborted) {
            wakeAt = Math.min(wakeAt, target);
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while following " + file);
            }
        }
        if (aborted) {
            throw new IOException("the upload was abandoned");
        }
        return written;
    }

    /** A stream over the file that blocks at the current end until more is written or the file ends. */
    InputStream follow() throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        return new InputStream() {
            private long position;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                long available = awaitBeyond(position, Math.min(len, WAKE_BYTES));
                if (available <= position) {
                    return -1;
                }
                int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, available - position)), position);
                if (n > 0) {
                    position += n;
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }
}
