package dev.ballast.tracking.domain.dataset.scan;

/**
 * The 64-bit hash of one value's bytes. Values of up to 16 bytes (nearly all fields) are read as two overlapping words,
 * which together with the length identify the bytes exactly, and mixed by two 64x64->128-bit multiply-folds in the
 * style of wyhash; longer values use xxHash64. The same hash keys the value counters, feeds HyperLogLog and enters the
 * row hash, so it must be well mixed in all bits.
 */
final class ValueHash {
    private static final long S0 = 0xA0761D6478BD642FL;
    private static final long S1 = 0xE7037ED1A0B428DBL;
    private static final long S2 = 0x8EBC6AF09C88C6E3L;

    private ValueHash() {
    }

    static long hash(byte[] b, int off, int len) {
        long x;
        long y;
        if (len > 16) {
            return XxHash64.hash(b, off, len);
        } else if (len >= 8) {
            x = (long) Bytes.LONG.get(b, off);
            y = (long) Bytes.LONG.get(b, off + len - 8);
        } else if (len >= 4) {
            x = (int) Bytes.INT.get(b, off) & 0xFFFFFFFFL;
            y = (int) Bytes.INT.get(b, off + len - 4) & 0xFFFFFFFFL;
        } else if (len > 0) {
            x = ((b[off] & 0xFFL) << 16) | ((b[off + (len >> 1)] & 0xFFL) << 8) | (b[off + len - 1] & 0xFFL);
            y = 0;
        } else {
            x = 0;
            y = 0;
        }
        x ^= S1;
        y ^= S2;
        long lo = x * y;
        long hi = Math.multiplyHigh(x, y);
        return fold(lo ^ S0 ^ len, hi ^ S1);
    }

    private static long fold(long x, long y) {
        return (x * y) ^ Math.multiplyHigh(x, y);
    }
}
