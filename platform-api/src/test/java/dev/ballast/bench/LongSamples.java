package dev.ballast.bench;

import java.util.Arrays;
import java.util.List;

/** A growable array of primitive longs: one per load-generator thread, so recording a latency neither boxes nor locks. */
final class LongSamples {
    private long[] values = new long[1024];
    private int size;

    void add(long v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    int size() {
        return size;
    }

    long[] toArray() {
        return Arrays.copyOf(values, size);
    }

    /** All samples of several threads in one array. */
    static long[] merge(List<LongSamples> parts) {
        int total = parts.stream().mapToInt(LongSamples::size).sum();
        long[] all = new long[total];
        int at = 0;
        for (LongSamples p : parts) {
            System.arraycopy(p.values, 0, all, at, p.size);
            at += p.size;
        }
        return all;
    }
}
