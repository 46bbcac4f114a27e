package dev.ballast.tracking.domain.dataset.scan;

/**
 * Strict UTF-8 validation of one encoded character (RFC 3629): no overlong forms, no surrogates, nothing above
 * U+10FFFF. The readers call it only on non-ASCII bytes, so ASCII costs nothing.
 */
final class Utf8 {
    /** {@link #check} result: the bytes available are a valid prefix, more are needed. */
    static final int NEED_MORE = 0;

    private Utf8() {
    }

    /**
     * Checks the character starting at {@code b[p]} with bytes available up to {@code limit} (exclusive).
     *
     * @return its length in bytes (1 to 4) when valid; {@link #NEED_MORE} when the available bytes are a valid but
     *         incomplete prefix; {@code -(1 + i)} when the byte at {@code p + i} makes it invalid
     */
    static int check(byte[] b, int p, int limit) {
        int b0 = b[p] & 0xFF;
        if (b0 < 0x80) {
            return 1;
        }
        int need;
        int lo = 0x80;
        int hi = 0xBF;
        if (b0 < 0xC2) {
            return -1;
        } else if (b0 < 0xE0) {
            need = 2;
        } else if (b0 < 0xF0) {
            need = 3;
            if (b0 == 0xE0) {
                lo = 0xA0;
            } else if (b0 == 0xED) {
                hi = 0x9F;
            }
        } else if (b0 < 0xF5) {
            need = 4;
            if (b0 == 0xF0) {
                lo = 0x90;
            } else if (b0 == 0xF4) {
                hi = 0x8F;
            }
        } else {
            return -1;
        }
        int available = Math.min(need, limit - p);
        for (int i = 1; i < available; i++) {
            int c = b[p + i] & 0xFF;
            if (i == 1 ? (c < lo || c > hi) : (c < 0x80 || c > 0xBF)) {
                return -(1 + i);
            }
        }
        return available < need ? NEED_MORE : need;
    }

    /** Validates a whole range; returns -1 when valid, else the offset of the first bad byte (or of a truncated sequence). */
    static int firstInvalid(byte[] b, int off, int len) {
        int end = off + len;
        int p = off;
        while (p < end) {
            if (b[p] >= 0) {
                p++;
                continue;
            }
            int r = check(b, p, end);
            if (r > 0) {
                p += r;
            } else if (r == NEED_MORE) {
                return p;
            } else {
                return p + (-r - 1);
            }
        }
        return -1;
    }
}
