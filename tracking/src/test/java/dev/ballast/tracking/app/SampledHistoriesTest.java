package dev.ballast.tracking.app;

import dev.ballast.tracking.domain.Metric;
import dev.ballast.tracking.domain.RunStore;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class SampledHistoriesTest {
    private static final MetricHistorySampler.Sampled SAMPLED =
            new MetricHistorySampler.Sampled("loss", List.of(new Metric("loss", 1.0, 10L, 0L)), 5000, true, 5);

    private static SampledHistories.Key key(String run) {
        return new SampledHistories.Key(run, "loss", MetricHistorySampler.Axis.STEP, 1000);
    }

    @Test
    void answersOnlyWhileTheHistoryHasTheSameEnds() {
        SampledHistories recent = new SampledHistories(4);
        RunStore.HistoryEnds ends = new RunStore.HistoryEnds(0, 4999, 123_456);
        recent.put(key("r1"), ends, SAMPLED);
        assertSame(SAMPLED, recent.get(key("r1"), new RunStore.HistoryEnds(0, 4999, 123_456)));
        assertNull(recent.get(key("r1"), new RunStore.HistoryEnds(0, 5000, 123_999)), "a point appended at a new step");
        assertNull(recent.get(key("r1"), new RunStore.HistoryEnds(0, 4999, 124_000)), "a point appended at the last step");
        assertNull(recent.get(new SampledHistories.Key("r1", "loss", MetricHistorySampler.Axis.TIME, 1000), ends), "another axis");
    }

    @Test
    void forgetsTheLeastRecentlyUsedBeyondItsCapacity() {
        SampledHistories recent = new SampledHistories(2);
        RunStore.HistoryEnds ends = new RunStore.HistoryEnds(0, 9, 9);
        recent.put(key("a"), ends, SAMPLED);
        recent.put(key("b"), ends, SAMPLED);
        recent.get(key("a"), ends);
        recent.put(key("c"), ends, SAMPLED);
        assertNull(recent.get(key("b"), ends));
        assertSame(SAMPLED, recent.get(key("a"), ends));
        assertSame(SAMPLED, recent.get(key("c"), ends));
    }
}
