package dev.ballast.core.time;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Supplies the clock every service reads time from, so tests can pin time and recorded
 * timestamps stay explainable (a clock is an injected value, not a side effect).
 */
@Factory
public class ClockFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
