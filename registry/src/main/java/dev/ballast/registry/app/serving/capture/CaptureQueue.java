package dev.ballast.registry.app.serving.capture;

import dev.ballast.registry.domain.serving.CapturedPrediction;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded hand-over from request threads to the capture writer, without locks: a request
 * thread reserves a place with one atomic increment (and gives it back when the queue is full),
 * then appends to a lock-free linked queue. No request thread ever waits for another or for the
 * writer, not even for a lock held by a thread the OS descheduled, which a lock-based queue
 * cannot promise. The reservation count is the depth, so it never exceeds the capacity.
 */
final class CaptureQueue {
    private final int capacity;
    private final AtomicInteger size = new AtomicInteger();
    private final ConcurrentLinkedQueue<CapturedPrediction> items = new ConcurrentLinkedQueue<>();

    CaptureQueue(int capacity) {
        this.capacity = capacity;
    }

    /** Appends unless full; false (and nothing changed) when full. */
    boolean offer(CapturedPrediction p) {
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            return false;
        }
        items.offer(p);
        return true;
    }

    /** The oldest row, or null when none is there (yet). Writer thread only. */
    CapturedPrediction poll() {
        CapturedPrediction p = items.poll();
        if (p != null) {
            size.decrementAndGet();
        }
        return p;
    }

    /** Moves up to {@code max} rows into {@code into}; answers how many. Writer thread only. */
    int drainTo(List<CapturedPrediction> into, int max) {
        int n = 0;
        CapturedPrediction p;
        while (n < max && (p = items.poll()) != null) {
            into.add(p);
            n++;
        }
        if (n > 0) {
            size.addAndGet(-n);
        }
        return n;
    }

    /** Rows queued or being appended right now; at most the capacity. */
    int size() {
        return Math.min(size.get(), capacity);
    }

    int capacity() {
        return capacity;
    }
}
