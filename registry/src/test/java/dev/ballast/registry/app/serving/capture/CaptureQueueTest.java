package dev.ballast.registry.app.serving.capture;

import dev.ballast.registry.domain.serving.CapturedPrediction;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The queue holds at most its capacity, whatever number of threads race to fill it. */
class CaptureQueueTest {

    private static CapturedPrediction row(int i) {
        return new CapturedPrediction("m", 1, null, i, Map.of(), Map.of(), false);
    }

    @Test
    void concurrentProducersNeverOverfillIt() throws Exception {
        CaptureQueue queue = new CaptureQueue(100);
        ExecutorService producers = Executors.newFixedThreadPool(4);
        List<Future<Integer>> accepted = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            accepted.add(producers.submit(() -> {
                int n = 0;
                for (int i = 0; i < 10_000; i++) {
                    if (queue.offer(row(i))) {
                        n++;
                    }
                }
                return n;
            }));
        }
        int total = 0;
        for (Future<Integer> f : accepted) {
            total += f.get(30, TimeUnit.SECONDS);
        }
        producers.shutdown();
        assertEquals(100, total, "exactly the capacity was accepted");
        assertEquals(100, queue.size());
        List<CapturedPrediction> all = new ArrayList<>();
        assertEquals(100, queue.drainTo(all, Integer.MAX_VALUE));
        assertNull(queue.poll());
        assertEquals(0, queue.size());
        assertTrue(queue.offer(row(1)), "room again once drained");
    }

    @Test
    void drainsInOrderUpToTheAskedNumber() {
        CaptureQueue queue = new CaptureQueue(10);
        for (int i = 0; i < 5; i++) {
            queue.offer(row(i));
        }
        List<CapturedPrediction> batch = new ArrayList<>();
        assertEquals(3, queue.drainTo(batch, 3));
        assertEquals(List.of(0L, 1L, 2L), batch.stream().map(CapturedPrediction::timestamp).toList());
        assertEquals(2, queue.size());
        assertEquals(3L, queue.poll().timestamp());
        assertEquals(1, queue.size());
    }
}
