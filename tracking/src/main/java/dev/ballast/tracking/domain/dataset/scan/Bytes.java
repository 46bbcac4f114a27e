package dev.ballast.tracking.domain.dataset.scan;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/** Byte-range helpers for the hot paths: word-at-a-time equality of short values and little-endian word reads. */
final class Bytes {
    static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private Bytes() {
    }

    /** Equality of {@code a[ao, ao+len)} and {@code b[bo, bo+len)}; short ranges compare two overlapping words. */
    static boolean equal(byte[] a, int ao, byte[] b, int bo, int len) {
        if (len >= 8) {
            if (len > 16) {
                return Arrays.equals(a, ao, ao + len, b, bo, bo + len);
            }
            return (long) LONG.get(a, ao) == (long) LONG.get(b, bo)
                    && (long) LONG.get(a, ao + len - 8) == (long) LONG.get(b, bo + len - 8);
        }
        if (len >= 4) {
            return (int) INT.get(a, ao) == (int) INT.get(b, bo) && (int) INT.get(a, ao + len - 4) == (int) INT.get(b, bo + len - 4);
        }
        for (int i = 0; i < len; i++) {
            if (a[ao + i] != b[bo + i]) {
                return false;
            }
        }
        return true;
    }
}
