package dev.ballast.tracking.app;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MetricHistorySamplerTest {

    @Test
    void bucketsAreTheNarrowestThatFitTheSpanIntoTheLimit() {
        assertEquals(1, MetricHistorySampler.bucketWidth(1, 1000));
        assertEquals(1, MetricHistorySampler.bucketWidth(1000, 1000));
        assertEquals(2, MetricHistorySampler.bucketWidth(1001, 1000));
        assertEquals(3, MetricHistorySampler.bucketWidth(3000, 1000));
        assertEquals(100, MetricHistorySampler.bucketWidth(100_000, 1000));
        for (long span : new long[] {1, 7, 999, 1001, 123_457, 10_000_000_000L}) {
            long width = MetricHistorySampler.bucketWidth(span, 1000);
            assertEquals(true, (span + width - 1) / width <= 1000, "span " + span + " in at most 1000 buckets of " + width);
            assertEquals(true, width == 1 || (span + width - 2) / (width - 1) > 1000, "and no narrower width would do");
        }
    }
}
