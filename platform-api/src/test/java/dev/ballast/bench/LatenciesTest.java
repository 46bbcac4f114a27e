package dev.ballast.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LatenciesTest {

    @Test
    void nearestRankPercentilesAreObservedValues() {
        long[] samples = new long[200];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = 200 - i;
        }
        Latencies l = new Latencies(samples);
        assertEquals(200, l.count());
        assertEquals(100, l.median());
        assertEquals(190, l.p95());
        assertEquals(1, l.min());
        assertEquals(200, l.max());
        assertEquals(200, l.percentile(100));
    }

    @Test
    void oneSampleIsEveryPercentile() {
        Latencies l = new Latencies(new long[] {7});
        assertEquals(7, l.median());
        assertEquals(7, l.p95());
        assertEquals(7, l.percentile(0.1));
    }

    @Test
    void doesNotReorderTheCallersArray() {
        long[] samples = {3, 1, 2};
        new Latencies(samples);
        assertEquals(3, samples[0]);
    }

    @Test
    void refusesNoSamplesAndBadPercentiles() {
        assertThrows(IllegalArgumentException.class, () -> new Latencies(new long[0]));
        Latencies l = new Latencies(new long[] {1, 2});
        assertThrows(IllegalArgumentException.class, () -> l.percentile(0));
        assertThrows(IllegalArgumentException.class, () -> l.percentile(101));
    }
}
