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
    private final Path file;
    private long written;
    private boolean ended;
    private boolean aborted;

    GrowingFile(Path file) {
        this.file = file;
    }

    synchronized void written(long total) {
        written = total;
        notifyAll();
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

    /** Waits until more than {@code position} bytes exist or the file ended; answers the bytes written. */
    private synchronized long awaitBeyond(long position) throws IOException {
        while (written <= position && !ended && !aborted) {
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
                long available = awaitBeyond(position);
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
