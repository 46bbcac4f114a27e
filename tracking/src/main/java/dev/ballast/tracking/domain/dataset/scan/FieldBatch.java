package dev.ballast.tracking.domain.dataset.scan;

import java.util.Arrays;

/**
 * A run of CSV fields handed from the reading thread to the column thread: the bytes of the fields of the column
 * thread's columns, in file order, copied out of the reader's buffer (which the next refill overwrites). Records have
 * exactly one field per column, so the column of a field follows from its position. A batch may end inside a record.
 */
final class FieldBatch {
    static final int MAX_FIELDS = 4 * 1024;
    static final int TARGET_BYTES = 64 * 1024;

    byte[] bytes = new byte[TARGET_BYTES + 1024];
    int used;
    final int[] start = new int[MAX_FIELDS];
    final int[] length = new int[MAX_FIELDS];
    int count;
    /** The last batch: no more follow. */
    boolean last;

    void clear() {
        used = 0;
        count = 0;
        last = false;
    }

    /** A field for the column thread. */
    void add(byte[] b, int off, int len) {
        if (used + len + 16 > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + len + 16));
        }
        if (len <= 16 && off + 16 <= b.length) {
            // most fields are short: two word moves (the bytes after the field are copied too, and ignored) cost less
            // than a call to arraycopy
            Bytes.LONG.set(bytes, used, (long) Bytes.LONG.get(b, off));
            Bytes.LONG.set(bytes, used + 8, (long) Bytes.LONG.get(b, off + 8));
        } else {
            System.arraycopy(b, off, bytes, used, len);
        }
        start[count] = used;
        length[count] = len;
        used += len;
        count++;
    }

    /** No room for one more field without growing past the target much. */
    boolean full() {
        return count == MAX_FIELDS || used >= TARGET_BYTES;
    }
}
