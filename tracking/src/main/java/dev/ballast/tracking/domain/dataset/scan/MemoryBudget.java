package dev.ballast.tracking.domain.dataset.scan;

/**
 * Bytes the value-counting maps of all columns may hold together. Each column counts at most
 * {@link ScanSettings#distinctExactLimit()} values exactly; this shared cap stops a file with very many wide string
 * columns from exhausting the heap: a column that would exceed it turns approximate early.
 */
final class MemoryBudget {
    private long remaining;

    MemoryBudget(long bytes) {
        this.remaining = bytes;
    }

    static MemoryBudget forHeap() {
        return new MemoryBudget(Runtime.getRuntime().maxMemory() / 4);
    }

    /** Synchronized: the columns of a CSV may be profiled on two threads. */
    synchronized boolean take(long bytes) {
        if (bytes > remaining) {
            return false;
        }
        remaining -= bytes;
        return true;
    }
}
