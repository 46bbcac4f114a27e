package dev.ballast.tracking.domain.dataset.scan;

/**
 * xxHash64 of byte ranges ({@link ValueHash} uses it for values longer than 16 bytes, and it hashes JSON keys), and
 * the xxHash64 rounds that chain value hashes, in order, into a row hash.
 */
final class XxHash64 {
    static final long P1 = 0x9E3779B185EBCA87L;
    static final long P2 = 0xC2B2AE3D27D4EB4FL;
    static final long P3 = 0x165667B19E3779F9L;
    static final long P4 = 0x85EBCA77C2B2AE63L;
    static final long P5 = 0x27D4EB2F165667C5L;
    /** The value hash of a missing value in a row hash; present values hash their bytes. */
    static final long MISSING = 0x6A09E667F3BCC909L;
    /** The start of a row hash. */
    static final long ROW_SEED = 0x3C6EF372FE94F82BL;


    private XxHash64() {
    }

    static long hash(byte[] b, int off, int len) {
        return hash(b, off, len, 0L);
    }

    static long hash(byte[] b, int off, int len, long seed) {
        int p = off;
        int end = off + len;
        long h;
        if (len >= 32) {
            long v1 = seed + P1 + P2;
            long v2 = seed + P2;
            long v3 = seed;
            long v4 = seed - P1;
            int limit = end - 32;
            do {
                v1 = round(v1, (long) Bytes.LONG.get(b, p));
                v2 = round(v2, (long) Bytes.LONG.get(b, p + 8));
                v3 = round(v3, (long) Bytes.LONG.get(b, p + 16));
                v4 = round(v4, (long) Bytes.LONG.get(b, p + 24));
                p += 32;
            } while (p <= limit);
            h = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
            h = mergeRound(h, v1);
            h = mergeRound(h, v2);
            h = mergeRound(h, v3);
            h = mergeRound(h, v4);
        } else {
            h = seed + P5;
        }
        h += len;
        while (p + 8 <= end) {
            h ^= round(0, (long) Bytes.LONG.get(b, p));
            h = Long.rotateLeft(h, 27) * P1 + P4;
            p += 8;
        }
        if (p + 4 <= end) {
            h ^= ((int) Bytes.INT.get(b, p) & 0xFFFFFFFFL) * P1;
            h = Long.rotateLeft(h, 23) * P2 + P3;
            p += 4;
        }
        while (p < end) {
            h ^= (b[p] & 0xFF) * P5;
            h = Long.rotateLeft(h, 11) * P1;
            p++;
        }
        return avalanche(h);
    }

    /** One xxHash64 accumulator round: chains {@code input} into {@code acc}, order-dependent. */
    static long round(long acc, long input) {
        acc += input * P2;
        acc = Long.rotateLeft(acc, 31);
        return acc * P1;
    }

    /** Ends a row hash over {@code n} values. */
    static long finish(long acc, long n) {
        return avalanche(acc + n * P5);
    }

    static long avalanche(long h) {
        h ^= h >>> 33;
        h *= P2;
        h ^= h >>> 29;
        h *= P3;
        h ^= h >>> 32;
        return h;
    }

    private static long mergeRound(long acc, long val) {
        acc ^= round(0, val);
        return acc * P1 + P4;
    }
}
