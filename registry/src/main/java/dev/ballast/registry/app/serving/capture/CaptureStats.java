package dev.ballast.registry.app.serving.capture;

/**
 * A snapshot of what capture did since start, for metrics, the operators' API and tests. Once the
 * writer has drained, {@code offered == sampledOut + dropped + written + failed}; while it works,
 * the difference is what waits in the queue or is being written.
 *
 * @param offered    rows offered by serving (while capture is enabled)
 * @param sampledOut rows left out by sampling
 * @param enqueued   rows accepted into the queue
 * @param dropped    rows refused because the queue was full (the writer fell behind)
 * @param written    rows inserted
 * @param failed     rows lost to database errors
 * @param queueDepth rows waiting in the queue now
 * @param queueCapacity the queue's bound
 */
public record CaptureStats(long offered, long sampledOut, long enqueued, long dropped, long written, long failed, int queueDepth,
                           int queueCapacity) {
}
