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
import java.util.List;

/**
 * Sorts the values of a spill stream and hands them, ascending, to a {@link LongSink}: in memory when they fit in one
 * chunk of {@code chunkValues}, otherwise as an external merge sort (sorted runs of one chunk written to temporary
 * files in the work directory, merged k at a time, in several rounds when there are many runs). Run files are deleted
 * as soon as they are merged. The chunk arrays are reused from one stream to the next.
 */
final class ExternalSorter {
    static final int FAN_IN = 64;
    private static final int OUT_BATCH = 8192;
    private final Path dir;
    private final int chunk;
    private long[] a = new long[0];
    private long[] scratch = new long[0];
    private final String runPrefix;
    private int runSequence;

    /** A sorter whose temporary run files in {@code dir} are named after {@code name}, unique among concurrent sorters. */
    ExternalSorter(Path dir, String name, long chunkValues) {
        this.dir = dir;
        this.runPrefix = ".scan-run-" + name + "-";
        this.chunk = (int) Math.min(chunkValues, ScanSettings.MAX_CHUNK);
    }

    void sort(SpillStore.Stream stream, LongSink sink) throws IOException {
        long n = stream.count();
        SpillStore.Reader reader = stream.reader();
        int[] block = {0};
        if (n <= chunk) {
            int k = (int) n;
            ensure(k);
            readFully(reader, k);
            long[] sorted = sortChunk(stream, block, k);
            sink.chunk(sorted, k);
            for (int off = 0; off < k; off += OUT_BATCH) {
                sink.accept(sorted, off, Math.min(OUT_BATCH, k - off));
            }
            return;
        }
        ensure(chunk);
        List<Path> runs = new ArrayList<>();
        try {
            long left = n;
            while (left > 0) {
                int k = (int) Math.min(chunk, left);
                readFully(reader, k);
                long[] sorted = sortChunk(stream, block, k);
                sink.chunk(sorted, k);
                runs.add(writeRun(sorted, k));
                left -= k;
            }
            while (runs.size() > FAN_IN) {
                List<Path> merged = new ArrayList<>();
                for (int i = 0; i < runs.size(); i += FAN_IN) {
                    List<Path> group = runs.subList(i, Math.min(runs.size(), i + FAN_IN));
                    if (group.size() == 1) {
                        merged.add(group.get(0));
                        continue;
                    }
                    Path out = newRunFile();
                    try (RunWriter w = new RunWriter(out)) {
                        merge(group, w);
                    }
                    for (Path p : group) {
                        Files.deleteIfExists(p);
                    }
                    merged.add(out);
                }
                runs = merged;
            }
            merge(runs, sink);
        } finally {
            for (Path p : runs) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Sorts the chunk just read into {@code a[0, k)}: a radix sort, or for a presorted stream a merge of its sorted
     * pieces (blocks), starting at block {@code block[0]}, which is advanced past the chunk.
     */
    private long[] sortChunk(SpillStore.Stream stream, int[] block, int k) throws IOException {
        if (!stream.presorted()) {
            return RadixSort.sort(a, scratch, k);
        }
        int first = block[0];
        int b = first;
        long covered = 0;
        while (covered < k) {
            if (b >= stream.blocks()) {
                throw new IOException("spill stream blocks shorter than its count");
            }
            covered += stream.blockLength(b++);
        }
        if (covered != k) {
            throw new IllegalStateException("a presorted piece crosses a chunk boundary");
        }
        block[0] = b;
        int[] ends = new int[b - first];
        int end = 0;
        for (int i = 0; i < ends.length; i++) {
            end += stream.blockLength(first + i);
            ends[i] = end;
        }
        return mergeRuns(a, scratch, ends, ends.length);
    }

    /**
     * Merges the consecutive sorted runs of {@code src} ending at {@code ends[0, runs)} by rounds of pairwise merges
     * between {@code src} and {@code dst} (the ends are overwritten).
     *
     * @return the array holding the sorted values: {@code src} or {@code dst}
     */
    static long[] mergeRuns(long[] src, long[] dst, int[] ends, int runs) {
        while (runs > 1) {
            int start = 0;
            int merged = 0;
            for (int r = 0; r < runs; r += 2) {
                int mid = ends[r];
                if (r + 1 < runs) {
                    int hi = ends[r + 1];
                    mergeTwo(src, start, mid, hi, dst);
                    ends[merged++] = hi;
                    start = hi;
                } else {
                    System.arraycopy(src, start, dst, start, mid - start);
                    ends[merged++] = mid;
                    start = mid;
                }
            }
            runs = merged;
            long[] t = src;
            src = dst;
            dst = t;
        }
        return src;
    }

    private static void mergeTwo(long[] src, int lo, int mid, int hi, long[] dst) {
        int i = lo;
        int j = mid;
        int o = lo;
        if (i < mid && j < hi) {
            long x = src[i];
            long y = src[j];
            while (true) {
                if (x <= y) {
                    dst[o++] = x;
                    if (++i == mid) {
                        break;
                    }
                    x = src[i];
                } else {
                    dst[o++] = y;
                    if (++j == hi) {
                        break;
                    }
                    y = src[j];
                }
            }
        }
        System.arraycopy(src, i, dst, o, mid - i);
        o += mid - i;
        System.arraycopy(src, j, dst, o, hi - j);
    }

    /** Drops the chunk arrays. */
    void release() {
        a = new long[0];
        scratch = new long[0];
    }

    private void ensure(int n) {
        if (a.length < n) {
            a = null;
            scratch = null;
            a = new long[n];
            scratch = new long[n];
        }
    }

    private void readFully(SpillStore.Reader reader, int k) throws IOException {
        int got = 0;
        while (got < k) {
            int r = reader.read(a, got, k - got);
            if (r <= 0) {
                throw new IOException("spill stream shorter than its count");
            }
            got += r;
        }
    }

    private Path newRunFile() {
        return dir.resolve(runPrefix + (runSequence++) + ".tmp");
    }

    private Path writeRun(long[] sorted, int k) throws IOException {
        Path p = newRunFile();
        try (RunWriter w = new RunWriter(p)) {
            for (int off = 0; off < k; off += OUT_BATCH) {
                w.accept(sorted, off, Math.min(OUT_BATCH, k - off));
            }
        }
        return p;
    }

    /** K-way merge of sorted run files through a binary heap of run heads. */
    private void merge(List<Path> runs, LongSink sink) throws IOException {
        int k = runs.size();
        int bufferLongs = (int) Math.max(512, Math.min(128 * 1024, (long) chunk / Math.max(1, k)));
        RunReader[] readers = new RunReader[k];
        try {
            int[] heap = new int[k];
            long[] head = new long[k];
            int size = 0;
            for (int i = 0; i < k; i++) {
                readers[i] = new RunReader(runs.get(i), bufferLongs);
                if (readers[i].hasNext()) {
                    head[i] = readers[i].next();
                    heap[size++] = i;
                }
            }
            for (int i = size / 2 - 1; i >= 0; i--) {
                siftDown(heap, head, size, i);
            }
            long[] out = new long[OUT_BATCH];
            int fill = 0;
            while (size > 0) {
                int top = heap[0];
                out[fill++] = head[top];
                if (fill == OUT_BATCH) {
                    sink.accept(out, 0, fill);
                    fill = 0;
                }
                if (readers[top].hasNext()) {
                    head[top] = readers[top].next();
                } else {
                    heap[0] = heap[--size];
                }
                siftDown(heap, head, size, 0);
            }
            if (fill > 0) {
                sink.accept(out, 0, fill);
            }
        } finally {
            for (RunReader r : readers) {
                if (r != null) {
                    r.close();
                }
            }
        }
    }

    private static void siftDown(int[] heap, long[] head, int size, int i) {
        int item = heap[i];
        long key = head[item];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && head[heap[child + 1]] < head[heap[child]]) {
                child++;
            }
            if (head[heap[child]] >= key) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = item;
    }

    /** Writes a run: raw longs in native order, no header. */
    private static final class RunWriter implements LongSink, Closeable {
        private final FileChannel channel;
        private final ByteBuffer buf = ByteBuffer.allocateDirect(OUT_BATCH * Long.BYTES).order(ByteOrder.nativeOrder());
        private final LongBuffer longs = buf.asLongBuffer();

        RunWriter(Path p) throws IOException {
            channel = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
        }

        @Override
        public void accept(long[] values, int off, int len) throws IOException {
            int done = 0;
            while (done < len) {
                int k = Math.min(longs.remaining(), len - done);
                longs.put(values, off + done, k);
                done += k;
                if (!longs.hasRemaining()) {
                    drain();
                }
            }
        }

        private void drain() throws IOException {
            buf.clear();
            buf.limit(longs.position() * Long.BYTES);
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            longs.clear();
        }

        @Override
        public void close() throws IOException {
            try {
                drain();
            } finally {
                channel.close();
            }
        }
    }

    /** Reads a run sequentially through a buffer. */
    private static final class RunReader implements Closeable {
        private final FileChannel channel;
        private final ByteBuffer buf;
        private final LongBuffer longs;
        private long remaining;

        RunReader(Path p, int bufferLongs) throws IOException {
            channel = FileChannel.open(p, StandardOpenOption.READ);
            remaining = channel.size() / Long.BYTES;
            buf = ByteBuffer.allocateDirect(bufferLongs * Long.BYTES).order(ByteOrder.nativeOrder());
            longs = buf.asLongBuffer();
            longs.limit(0);
        }

        boolean hasNext() {
            return longs.hasRemaining() || remaining > 0;
        }

        long next() throws IOException {
            if (!longs.hasRemaining()) {
                int k = (int) Math.min(remaining, buf.capacity() / Long.BYTES);
                buf.clear();
                buf.limit(k * Long.BYTES);
                while (buf.hasRemaining()) {
                    if (channel.read(buf) < 0) {
                        throw new IOException("run file truncated");
                    }
                }
                remaining -= k;
                longs.clear();
                longs.limit(k);
            }
            return longs.get();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
