package dev.ballast.tracking.domain.dataset.scan;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One temporary file that receives, during the pass, the unsorted values of every numeric column and the row hashes,
 * as blocks of longs tagged to their stream. A single file (instead of one per column) keeps the number of open files
 * constant whatever the number of columns; each stream keeps the offsets of its blocks so it can be read back in order.
 * Per-stream buffers share a fixed budget, so memory does not grow with rows and stays bounded with many columns.
 */
final class SpillStore implements Closeable {
    static final String FILE_NAME = ".scan-spill.tmp";
    private static final int BUDGET_LONGS = 512 * 1024;
    private static final int MAX_BLOCK = 8192;
    private static final int MIN_BLOCK = 64;
    private static final int IO_LONGS = 8192;

    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer io = ByteBuffer.allocateDirect(IO_LONGS * Long.BYTES).order(ByteOrder.nativeOrder());
    private final LongBuffer ioLongs = io.asLongBuffer();
    private final List<Stream> streams = new ArrayList<>();
    private long end;
    private long allocated;

    private SpillStore(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    static SpillStore create(Path dir) throws IOException {
        return new SpillStore(dir.resolve(FILE_NAME));
    }

    /** A new stream; {@code expectedStreams} sizes its buffer when the caller knows how many streams there will be. */
    Stream newStream(int expectedStreams) throws IOException {
        int n = Math.max(expectedStreams, streams.size() + 1);
        Stream s = new Stream(blockSize(n));
        streams.add(s);
        allocated += s.buffer.length;
        if (allocated > 2L * BUDGET_LONGS) {
            rebalance();
        }
        return s;
    }

    private static int blockSize(int streams) {
        return Math.max(MIN_BLOCK, Math.min(MAX_BLOCK, BUDGET_LONGS / Math.max(1, streams)));
    }

    private void rebalance() throws IOException {
        int live = 0;
        for (Stream s : streams) {
            if (s.buffer != null) {
                live++;
            }
        }
        int size = blockSize(live);
        allocated = 0;
        for (Stream s : streams) {
            if (s.buffer != null) {
                s.flush();
                s.buffer = new long[size];
                allocated += size;
            }
        }
    }

    /** Writes every buffered value; call once the pass is over, before reading any stream. */
    void finish() throws IOException {
        for (Stream s : streams) {
            if (s.buffer != null) {
                s.flush();
                s.buffer = null;
            }
        }
    }

    private void write(long[] values, int from, int n) throws IOException {
        int done = 0;
        while (done < n) {
            int k = Math.min(IO_LONGS, n - done);
            io.clear();
            ioLongs.clear();
            ioLongs.put(values, from + done, k);
            io.limit(k * Long.BYTES);
            while (io.hasRemaining()) {
                end += channel.write(io, end);
            }
            done += k;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The values of one column (or the row hashes), appended in arrival order. */
    final class Stream {
        private long[] buffer;
        private int fill;
        private long flushed;
        private long[] blockOffsets = new long[8];
        private int[] blockLengths = new int[8];
        private int blocks;
        private boolean discarded;

        private Stream(int size) {
            this.buffer = new long[size];
        }

        void add(long value) throws IOException {
            if (fill == buffer.length) {
                flush();
            }
            buffer[fill++] = value;
        }

        long count() {
            return flushed + fill;
        }

        /** Forgets the values (the column stopped being numeric); its blocks stay unused in the file until it is deleted. */
        void discard() {
            if (buffer != null) {
                allocated -= buffer.length;
            }
            buffer = null;
            fill = 0;
            flushed = 0;
            blocks = 0;
            blockOffsets = new long[0];
            blockLengths = new int[0];
            discarded = true;
        }

        private void flush() throws IOException {
            if (fill == 0) {
                return;
            }
            if (blocks == blockOffsets.length) {
                blockOffsets = Arrays.copyOf(blockOffsets, blocks * 2);
                blockLengths = Arrays.copyOf(blockLengths, blocks * 2);
            }
            blockOffsets[blocks] = end;
            blockLengths[blocks] = fill;
            blocks++;
            write(buffer, 0, fill);
            flushed += fill;
            fill = 0;
        }

        /** Reads the values back in arrival order; only after {@link SpillStore#finish()}. */
        Reader reader() {
            if (discarded || buffer != null) {
                throw new IllegalStateException("stream not readable");
            }
            return new Reader(this);
        }
    }

    /** Sequential reader of one stream. */
    final class Reader {
        private final Stream stream;
        private int block;
        private int inBlock;
        private final ByteBuffer buf = ByteBuffer.allocateDirect(IO_LONGS * Long.BYTES).order(ByteOrder.nativeOrder());
        private final LongBuffer longs = buf.asLongBuffer();

        private Reader(Stream stream) {
            this.stream = stream;
        }

        /** Reads up to {@code len} values into {@code dst}; returns how many, 0 at the end. */
        int read(long[] dst, int off, int len) throws IOException {
            int done = 0;
            while (done < len && block < stream.blocks) {
                int left = stream.blockLengths[block] - inBlock;
                int k = Math.min(Math.min(left, len - done), IO_LONGS);
                long position = stream.blockOffsets[block] + (long) inBlock * Long.BYTES;
                buf.clear();
                buf.limit(k * Long.BYTES);
                while (buf.hasRemaining()) {
                    int r = channel.read(buf, position + buf.position());
                    if (r < 0) {
                        throw new IOException("spill file truncated");
                    }
                }
                longs.clear();
                longs.get(dst, off + done, k);
                done += k;
                inBlock += k;
                if (inBlock == stream.blockLengths[block]) {
                    block++;
                    inBlock = 0;
                }
            }
            return done;
        }
    }
}
