package dev.ballast.tracking.domain.dataset.scan;

import java.io.IOException;

/** Receives sorted values in ascending order, in batches. */
interface LongSink {
    void accept(long[] values, int off, int len) throws IOException;

    /**
     * Sees each sorted chunk (the whole stream when it fits in memory, else every run) before the first
     * {@link #accept}: a place to gather figures that the ordered output needs up front, such as min, max and sum.
     */
    default void chunk(long[] sorted, int len) {
    }
}
