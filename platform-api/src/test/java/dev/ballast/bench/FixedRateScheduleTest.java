package dev.ballast.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FixedRateScheduleTest {

    @Test
    void requestsAreDueAtFixedIntervalsFromTheStart() {
        FixedRateSchedule plan = FixedRateSchedule.of(1_000, 4_000, Duration.ofSeconds(2));
        assertEquals(8_000, plan.count());
        assertEquals(1_000, plan.dueNanos(0));
        assertEquals(1_000 + 250_000, plan.dueNanos(1));
        assertEquals(1_000 + 1_999_750_000L, plan.dueNanos(7_999));
        assertEquals(Duration.ofSeconds(2), plan.planned());
    }

    @Test
    void fractionalIntervalsDoNotDrift() {
        FixedRateSchedule plan = FixedRateSchedule.of(0, 3, Duration.ofSeconds(10));
        assertEquals(30, plan.count());
        assertEquals(333_333_333L, plan.dueNanos(1));
        assertEquals(9_666_666_667L, plan.dueNanos(29), "rounded once from i / rate, not accumulated");
    }

    @Test
    void latencyCountsFromWhenTheRequestWasDueNotWhenItWasSent() {
        FixedRateSchedule plan = FixedRateSchedule.of(0, 1_000, Duration.ofSeconds(1));
        // request 10 was due at 10 ms; a stalled connection sent it at 15 ms and the answer came at 16 ms
        assertEquals(6_000_000L, plan.latencyNanos(10, 16_000_000L));
        // on time: due at 20 ms, answered at 20.4 ms
        assertEquals(400_000L, plan.latencyNanos(20, 20_400_000L));
    }

    @Test
    void aPlanHoldsAtLeastOneRequestAndRefusesBadRates() {
        assertEquals(1, FixedRateSchedule.of(0, 0.1, Duration.ofSeconds(1)).count());
        assertThrows(IllegalArgumentException.class, () -> FixedRateSchedule.of(0, 0, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> FixedRateSchedule.of(0, Double.NaN, Duration.ofSeconds(1)));
        FixedRateSchedule plan = FixedRateSchedule.of(0, 10, Duration.ofSeconds(1));
        assertThrows(IndexOutOfBoundsException.class, () -> plan.dueNanos(10));
    }
}
