package dev.ballast.tracking.domain.dataset.scan;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One temporary file that receives, during the pass, the unsorted values of every numeric column and the row hashes,
 * as blocks of longs tagged to their stream. A single file (instead of one per column) keeps the number of open files
 * constant whatever the number of columns; each stream keeps the offsets of its blocks so it can be read back in order.
 * Per-stream buffers share a fixed budget, so memory does not grow with rows and stays bounded with many columns.
 *
 * <p>When presorting is enabled (two processors or more, and a memory share that holds the piece buffers), streams
 * are filled into pieces of {@code pieceValues} values (never crossing a multiple of the sort chunk) that a background
 * thread radix-sorts and writes while the parse goes on: the blocks of such a stream are then sorted pieces, and the
 * sort after the pass only merges them. Piece buffers come from a bounded pool, so the parse waits when the background
 * thread falls behind; streams created once the memory share is taken use plain blocks. The background thread ends in
 * {@link #finish()} or {@link #close()}, whichever comes first.
 *
 * <p>Streams may be filled from two threads (each stream by one): creating, flushing and discarding a stream lock the
 * store, which happens once per block, not per value.
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
    // presorting (pieceValues == 0: off)
    private final int pieceValues;
    private final long chunkValues;
    private final int maxBuffers;
    private int buffersAllocated;
    private int presortedStreams;
    private ArrayBlockingQueue<long[]> free;
    private ExecutorService sorter;
    private long[] sorterScratch;
    private long[] finishScratch;
    private ByteBuffer sorterIo;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private SpillStore(Path file, int pieceValues, long chunkValues, long presortBytes) throws IOException {
        this.file = file;
        // two scratch arrays: the background thread's, and the caller's for the last pieces
        long buffers = pieceValues <= 0 ? 0 : presortBytes / ((long) pieceValues * Long.BYTES) - 2;
        // a presorted stream needs its own buffer plus at least one in flight
        this.pieceValues = buffers >= 2 ? pieceValues : 0;
        this.maxBuffers = (int) Math.min(Integer.MAX_VALUE - 1, Math.max(0, buffers));
        this.chunkValues = chunkValues;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    static SpillStore create(Path dir) throws IOException {
        return new SpillStore(dir.resolve(FILE_NAME), 0, 1, 0);
    }

    /** A store without presorting in file {@code name} of {@code dir} (a name starting with {@code .scan-}). */
    static SpillStore create(Path dir, String name) throws IOException {
        return new SpillStore(dir.resolve(name), 0, 1, 0);
    }

    /**
     * A store whose streams are presorted in pieces of {@code min(pieceValues, chunkValues)} values on a background
     * thread, as long as their buffers (and the sorter's scratch array) fit in {@code presortBytes}.
     */
    static SpillStore create(Path dir, int pieceValues, long chunkValues, long presortBytes) throws IOException {
        int piece = (int) Math.min(pieceValues, Math.min(chunkValues, ScanSettings.MAX_CHUNK));
        return new SpillStore(dir.resolve(FILE_NAME), piece, chunkValues, presortBytes);
    }

    /** A new stream; {@code expectedStreams} sizes its buffer when the caller knows how many streams there will be. */
    synchronized Stream newStream(int expectedStreams) throws IOException {
        if (pieceValues > 0 && presortedStreams + 2 <= maxBuffers) {
            Stream s = new Stream(takeBuffer(), true);
            presortedStreams++;
            streams.add(s);
            return s;
        }
        int n = Math.max(expectedStreams, streams.size() + 1);
        Stream s = new Stream(new long[blockSize(n)], false);
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
            if (s.buffer != null && !s.presorted) {
                live++;
            }
        }
        int size = blockSize(live);
        allocated = 0;
        for (Stream s : streams) {
            if (s.buffer != null && !s.presorted) {
                s.flush();
                s.buffer = new long[size];
                s.limit = size;
                allocated += size;
            }
        }
    }

    /** Writes every buffered value; call once the pass is over, before reading any stream. */
    void finish() throws IOException {
        int lastPieces = 0;
        for (Stream s : streams) {
            if (s.buffer != null) {
                s.last = true;
                // the last pieces come together: sort every other one here, in parallel with the background thread
                s.inline = s.presorted && s.fill > 0 && lastPieces++ % 2 == 1;
                s.flush();
                s.buffer = null;
            }
        }
        finishScratch = null;
        stopSorter(false);
        free = null;
        sorterScratch = null;
        sorterIo = null;
        checkFailure();
    }

    private long[] takeBuffer() throws IOException {
        checkFailure();
        if (free == null) {
            free = new ArrayBlockingQueue<>(maxBuffers);
        }
        long[] b = free.poll();
        if (b != null) {
            return b;
        }
        // streams fill in step (one value per row each), so their pieces come in bursts: up to two buffers per stream
        if (buffersAllocated < Math.min(maxBuffers, 2 * presortedStreams + 1)) {
            buffersAllocated++;
            return new long[pieceValues];
        }
        try {
            b = free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the background sort");
        }
        checkFailure();
        return b;
    }

    private void checkFailure() throws IOException {
        Throwable t = failure.get();
        if (t == null) {
            return;
        }
        if (t instanceof IOException e) {
            throw new IOException("background sort failed: " + e.getMessage(), e);
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("background sort failed", t);
    }

    /** Sorts the piece {@code values[0, len)} on the background thread and writes it at {@code offset}. */
    private void submitPiece(long[] values, int len, long offset) {
        if (sorter == null) {
            sorterScratch = new long[pieceValues];
            sorterIo = ByteBuffer.allocateDirect(IO_LONGS * Long.BYTES).order(ByteOrder.nativeOrder());
            sorter = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "dataset-scan-presort");
                t.setDaemon(true);
                return t;
            });
        }
        ArrayBlockingQueue<long[]> pool = free;
        long[] scratch = sorterScratch;
        ByteBuffer io = sorterIo;
        sorter.execute(() -> {
            try {
                if (failure.get() == null) {
                    long[] sorted = RadixSort.sort(values, scratch, len);
                    writeAt(sorted, len, offset, io);
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            } finally {
                pool.offer(values);
            }
        });
    }

    private void writeAt(long[] values, int n, long offset, ByteBuffer buf) throws IOException {
        buf.clear();
        LongBuffer longs = buf.asLongBuffer();
        long position = offset;
        int done = 0;
        while (done < n) {
            int k = Math.min(IO_LONGS, n - done);
            buf.clear();
            longs.clear();
            longs.put(values, done, k);
            buf.limit(k * Long.BYTES);
            while (buf.hasRemaining()) {
                position += channel.write(buf, position);
            }
            done += k;
        }
    }

    /** Waits for the queued pieces (or, when {@code cancel}, only for the piece being sorted) and ends the thread. */
    private void stopSorter(boolean cancel) throws IOException {
        ExecutorService s = sorter;
        if (s == null) {
            return;
        }
        sorter = null;
        if (cancel) {
            failure.compareAndSet(null, new IOException("cancelled"));
            s.shutdownNow();
        } else {
            s.shutdown();
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    if (s.awaitTermination(1, TimeUnit.MINUTES)) {
                        break;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                    s.shutdownNow();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (interrupted && !cancel) {
            throw new InterruptedIOException("interrupted while waiting for the background sort");
        }
    }

    private void write(long[] values, int from, int n) throws IOException {
        end = write(values, from, n, end);
    }

    /** Writes at {@code position} with the caller's thread buffer; returns the position after the values. */
    private long write(long[] values, int from, int n, long position) throws IOException {
        int done = 0;
        while (done < n) {
            int k = Math.min(IO_LONGS, n - done);
            io.clear();
            ioLongs.clear();
            ioLongs.put(values, from + done, k);
            io.limit(k * Long.BYTES);
            while (io.hasRemaining()) {
                position += channel.write(io, position);
            }
            done += k;
        }
        return position;
    }

    @Override
    public void close() throws IOException {
        try {
            stopSorter(true);
            channel.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The values of one column (or the row hashes), appended in arrival order. */
    final class Stream {
        private long[] buffer;
        /** Blocks are sorted pieces that never cross a multiple of the sort chunk. */
        private final boolean presorted;
        private int limit;
        /** The pass is over: the last flush takes no new buffer. */
        private boolean last;
        /** The last piece is sorted by the caller of {@link SpillStore#finish()}. */
        private boolean inline;
        private int fill;
        private long flushed;
        private long[] blockOffsets = new long[8];
        private int[] blockLengths = new int[8];
        private int blocks;
        private boolean discarded;

        private Stream(long[] buffer, boolean presorted) {
            this.buffer = buffer;
            this.presorted = presorted;
            this.limit = presorted ? pieceLimit(0) : buffer.length;
        }

        private int pieceLimit(long done) {
            return (int) Math.min(pieceValues, chunkValues - done % chunkValues);
        }

        void add(long value) throws IOException {
            if (fill == limit) {
                flush();
            }
            buffer[fill++] = value;
        }

        long count() {
            return flushed + fill;
        }

        /** Forgets the values (the column stopped being numeric); its blocks stay unused in the file until it is deleted. */
        void discard() {
            synchronized (SpillStore.this) {
                discardLocked();
            }
        }

        private void discardLocked() {
            if (buffer != null) {
                if (presorted) {
                    free.offer(buffer);
                    presortedStreams--;
                } else {
                    allocated -= buffer.length;
                }
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
            synchronized (SpillStore.this) {
                flushLocked();
            }
        }

        private void flushLocked() throws IOException {
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
            if (presorted) {
                long[] piece = buffer;
                int len = fill;
                buffer = null;
                end += (long) len * Long.BYTES;
                if (inline) {
                    if (finishScratch == null) {
                        finishScratch = new long[pieceValues];
                    }
                    write(RadixSort.sort(piece, finishScratch, len), 0, len, blockOffsets[blocks - 1]);
                } else {
                    submitPiece(piece, len, blockOffsets[blocks - 1]);
                }
                flushed += len;
                fill = 0;
                if (!last) {
                    buffer = takeBuffer();
                    limit = pieceLimit(flushed);
                }
                return;
            }
            write(buffer, 0, fill);
            flushed += fill;
            fill = 0;
        }

        /** Whether each block is a sorted piece (never crossing a multiple of the sort chunk). */
        boolean presorted() {
            return presorted;
        }

        int blocks() {
            return blocks;
        }

        int blockLength(int block) {
            return blockLengths[block];
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
