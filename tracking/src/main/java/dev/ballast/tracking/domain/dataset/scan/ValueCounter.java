package dev.ballast.tracking.domain.dataset.scan;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Counts the values of one categorical column, keyed by their UTF-8 bytes and 64-bit hash in an open-addressing table
 * over a byte arena, so counting a value that is already known allocates nothing. Once the distinct limit (or the
 * shared memory budget) is reached no new value is added; the counts of known values stay exact and the distinct
 * count becomes a HyperLogLog estimate over every value seen.
 */
final class ValueCounter {
    private static final int ENTRY_OVERHEAD = 40;
    private final int limit;
    private final MemoryBudget budget;
    private byte[] arena = new byte[1024];
    private int arenaUsed;
    private int[] keyOffset = new int[16];
    private int[] keyLength = new int[16];
    private long[] hashes = new long[16];
    private long[] counts = new long[16];
    private int size;
    /** Open-addressing table: the hash of the entry in each slot (0 = empty slot), and the entry's index. */
    private long[] slotHash = new long[32];
    private int[] slotEntry = new int[32];
    private HyperLogLog hll;
    /**
     * Once no new value is added: one bit per hash bucket of the known values (16 bits per value), so that the lookup
     * of a value that is not counted (the common case in an id-like column) usually stops in this small array.
     */
    private long[] known;
    private int knownMask;

    ValueCounter(int limit, MemoryBudget budget) {
        this.limit = limit;
        this.budget = budget;
    }

    void add(byte[] b, int off, int len, long hash) {
        if (hll != null) {
            hll.add(hash);
            int bit = (int) (hash >>> 20) & knownMask;
            if ((known[bit >>> 6] & (1L << bit)) == 0) {
                return;
            }
        }
        long key = hash == 0 ? 1 : hash;
        long[] table = slotHash;
        int mask = table.length - 1;
        int i = (int) key & mask;
        for (long k; (k = table[i]) != 0; i = (i + 1) & mask) {
            if (k == key) {
                int e = slotEntry[i];
                if (keyLength[e] == len && Bytes.equal(arena, keyOffset[e], b, off, len)) {
                    counts[e]++;
                    return;
                }
            }
        }
        if (hll == null) {
            addNew(b, off, len, hash, key, i);
        }
    }

    /** A value not counted yet: counted from now on, unless the limit is reached (then counting turns approximate). */
    private void addNew(byte[] b, int off, int len, long hash, long key, int slot) {
        if (size >= limit || !budget.take(len + ENTRY_OVERHEAD)) {
            hll = new HyperLogLog();
            for (int e = 0; e < size; e++) {
                hll.add(hashes[e]);
            }
            hll.add(hash);
            buildKnown();
            return;
        }
        insert(b, off, len, hash, key, slot);
    }

    private void insert(byte[] b, int off, int len, long hash, long key, int slot) {
        if (arenaUsed + len > arena.length) {
            long wanted = Math.max((long) arena.length * 2, (long) arenaUsed + len);
            arena = Arrays.copyOf(arena, (int) Math.min(wanted, Integer.MAX_VALUE - 8));
        }
        if (size == hashes.length) {
            int n = size * 2;
            keyOffset = Arrays.copyOf(keyOffset, n);
            keyLength = Arrays.copyOf(keyLength, n);
            hashes = Arrays.copyOf(hashes, n);
            counts = Arrays.copyOf(counts, n);
        }
        System.arraycopy(b, off, arena, arenaUsed, len);
        keyOffset[size] = arenaUsed;
        keyLength[size] = len;
        hashes[size] = hash;
        counts[size] = 1;
        arenaUsed += len;
        slotHash[slot] = key;
        slotEntry[slot] = size;
        size++;
        if (size * 2 > slotHash.length) {
            rehash();
        }
    }

    private void buildKnown() {
        int bits = Integer.highestOneBit(Math.max(1 << 12, size) * 16 - 1) << 1;
        known = new long[bits / 64];
        knownMask = bits - 1;
        for (int e = 0; e < size; e++) {
            int bit = (int) (hashes[e] >>> 20) & knownMask;
            known[bit >>> 6] |= 1L << bit;
        }
    }

    private void rehash() {
        long[] table = new long[slotHash.length * 2];
        int[] entries = new int[table.length];
        int mask = table.length - 1;
        for (int e = 0; e < size; e++) {
            long key = hashes[e] == 0 ? 1 : hashes[e];
            int i = (int) key & mask;
            while (table[i] != 0) {
                i = (i + 1) & mask;
            }
            table[i] = key;
            entries[i] = e;
        }
        slotHash = table;
        slotEntry = entries;
    }

    boolean approximate() {
        return hll != null;
    }

    long distinct() {
        return hll == null ? size : Math.max(size, hll.estimate());
    }

    int size() {
        return size;
    }

    String value(int entry) {
        return new String(arena, keyOffset[entry], keyLength[entry], StandardCharsets.UTF_8);
    }

    long count(int entry) {
        return counts[entry];
    }

    /** The {@code k} most frequent values, most frequent first, ties by value ascending (code point order). */
    List<ValueCount> top(int k) {
        if (k <= 0 || size == 0) {
            return List.of();
        }
        // min-heap of the best k so far: its head is the worst kept entry
        PriorityQueue<Integer> heap = new PriorityQueue<>((x, y) -> -compare(x, y));
        for (int e = 0; e < size; e++) {
            if (heap.size() < k) {
                heap.add(e);
            } else if (compare(e, heap.peek()) < 0) {
                heap.poll();
                heap.add(e);
            }
        }
        List<Integer> best = new ArrayList<>(heap);
        best.sort(this::compare);
        List<ValueCount> out = new ArrayList<>(best.size());
        for (int e : best) {
            out.add(new ValueCount(value(e), counts[e]));
        }
        return out;
    }

    /** Negative when entry x ranks before entry y: higher count first, then smaller value. */
    private int compare(int x, int y) {
        int c = Long.compare(counts[y], counts[x]);
        if (c != 0) {
            return c;
        }
        return Arrays.compareUnsigned(arena, keyOffset[x], keyOffset[x] + keyLength[x],
                arena, keyOffset[y], keyOffset[y] + keyLength[y]);
    }
}
