package dev.ballast.registry.app.serving.capture;

import dev.ballast.registry.domain.serving.CapturedPrediction;
import dev.ballast.registry.domain.serving.CaptureStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link CaptureStore} in memory that records its batches and can be held up or made to fail. */
class FakeCaptureStore implements CaptureStore {
    final List<List<CapturedPrediction>> batches = new CopyOnWriteArrayList<>();
    final AtomicInteger failNext = new AtomicInteger();
    volatile CountDownLatch gate = new CountDownLatch(0);
    volatile long delayMillis;

    @Override
    public void insertBatch(List<CapturedPrediction> predictions) {
        try {
            gate.await(30, TimeUnit.SECONDS);
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("database is down");
        }
        batches.add(List.copyOf(predictions));
    }

    List<Integer> batchSizes() {
        return batches.stream().map(List::size).toList();
    }

    List<CapturedPrediction> rows() {
        List<CapturedPrediction> all = new ArrayList<>();
        batches.forEach(all::addAll);
        return all;
    }

    @Override
    public List<CapturedPrediction> window(String model, Integer version, long fromInclusive, long toExclusive, int limit) {
        return rows().stream()
                .filter(p -> p.model().equals(model) && (version == null ? !p.shadow() : p.version() == version)
                        && p.timestamp() >= fromInclusive && p.timestamp() < toExclusive)
                .sorted(Comparator.comparingLong(CapturedPrediction::timestamp).reversed())
                .limit(limit).toList();
    }

    @Override
    public long count(String model, Integer version, long from, long to) {
        return window(model, version, from, to, Integer.MAX_VALUE).size();
    }
}
