package dev.ballast.tracking.domain.dataset.scan;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The format shared by the derived files: 8 magic bytes, a big-endian int64 count, then {@code count} big-endian
 * 64-bit values sorted ascending ({@code BLSTF64\n}: IEEE-754 doubles in numeric order; {@code BLSTH64\n}: row hashes as
 * signed longs). Holds the writer and the reader (positional and sequential) of such files.
 */
final class DerivedFile {
    static final byte[] DOUBLES = "BLSTF64\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] HASHES = "BLSTH64\n".getBytes(StandardCharsets.US_ASCII);
    static final int HEADER = 16;
    private static final int IO_LONGS = 8192;

    private DerivedFile() {
    }

    /** Writes a file whose count is known in advance; refuses to close with a different number of values. */
    static final class Writer implements Closeable {
        private final FileChannel channel;
        private final long expected;
        private final ByteBuffer buf = ByteBuffer.allocateDirect(IO_LONGS * Long.BYTES);
        private final LongBuffer longs = buf.asLongBuffer();
        private long written;
        private long position = HEADER;

        Writer(Path file, byte[] magic, long count) throws IOException {
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
            this.expected = count;
            ByteBuffer header = ByteBuffer.allocate(HEADER);
            header.put(magic).putLong(count).flip();
            while (header.hasRemaining()) {
                channel.write(header, header.position());
            }
        }

        void write(long[] values, int off, int len) throws IOException {
            int done = 0;
            while (done < len) {
                int k = Math.min(IO_LONGS - longs.position(), len - done);
                longs.put(values, off + done, k);
                done += k;
                if (!longs.hasRemaining()) {
                    drain();
                }
            }
            written += len;
        }

        private void drain() throws IOException {
            buf.clear();
            buf.limit(longs.position() * Long.BYTES);
            while (buf.hasRemaining()) {
                position += channel.write(buf, position);
            }
            longs.clear();
        }

        @Override
        public void close() throws IOException {
            try {
                drain();
                if (written != expected) {
                    throw new IllegalStateException("wrote " + written + " values, announced " + expected);
                }
            } finally {
                channel.close();
            }
        }
    }

    /** Reads a derived file: its count, values by position, or all values in order through a {@link Cursor}. */
    static final class Reader implements Closeable {
        private final Path file;
        private final FileChannel channel;
        private final long count;
        private final ByteBuffer one = ByteBuffer.allocate(Long.BYTES);

        Reader(Path file, byte[] magic) throws IOException {
            this.file = file;
            this.channel = FileChannel.open(file, StandardOpenOption.READ);
            try {
                ByteBuffer header = ByteBuffer.allocate(HEADER);
                while (header.hasRemaining()) {
                    if (channel.read(header, header.position()) < 0) {
                        throw new IOException(file + ": not a derived data file (too short)");
                    }
                }
                byte[] found = Arrays.copyOf(header.array(), magic.length);
                if (!Arrays.equals(found, magic)) {
                    throw new IOException(file + ": not a derived data file of the expected kind (bad magic)");
                }
                this.count = header.getLong(8);
                long size = channel.size();
                if (count < 0 || size != HEADER + count * Long.BYTES) {
                    throw new IOException(file + ": count " + count + " does not match the size " + size);
                }
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }

        long count() {
            return count;
        }

        long get(long index) throws IOException {
            if (index < 0 || index >= count) {
                throw new IndexOutOfBoundsException("index " + index + " of " + count + " values in " + file);
            }
            one.clear();
            long at = HEADER + index * Long.BYTES;
            while (one.hasRemaining()) {
                if (channel.read(one, at + one.position()) < 0) {
                    throw new IOException(file + " truncated");
                }
            }
            return one.getLong(0);
        }

        /** A sequential reader from the first value. */
        Cursor cursor() {
            return new Cursor();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }

        /** Reads the values in order through a buffer. */
        final class Cursor {
            private final ByteBuffer buf = ByteBuffer.allocateDirect(IO_LONGS * Long.BYTES);
            private final LongBuffer longs = buf.asLongBuffer();
            private long next;

            private Cursor() {
                longs.limit(0);
            }

            boolean hasNext() {
                return next < count;
            }

            /** The next value; call only while {@link #hasNext()}. */
            long next() throws IOException {
                if (!longs.hasRemaining()) {
                    refill();
                }
                next++;
                return longs.get();
            }

            /** The next value without consuming it; call only while {@link #hasNext()}. */
            long peek() throws IOException {
                if (!longs.hasRemaining()) {
                    refill();
                }
                return longs.get(longs.position());
            }

            private void refill() throws IOException {
                long left = count - next;
                if (left <= 0) {
                    throw new IllegalStateException("no more values");
                }
                int k = (int) Math.min(IO_LONGS, left);
                buf.clear();
                buf.limit(k * Long.BYTES);
                long at = HEADER + next * Long.BYTES;
                while (buf.hasRemaining()) {
                    if (channel.read(buf, at + buf.position()) < 0) {
                        throw new IOException(file + " truncated");
                    }
                }
                longs.clear();
                longs.limit(k);
            }
        }
    }
}
