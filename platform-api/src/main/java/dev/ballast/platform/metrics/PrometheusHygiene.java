package dev.ballast.platform.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Set;

/**
 * Keeps {@code /prometheus} clean for {@code promtool check metrics}: every family gets a HELP
 * text (some Micrometer timers have none), and the two JVM meters whose Prometheus names break
 * the naming rules (an abbreviated unit, a gauge ending in {@code _count}) are left out;
 * {@code process_cpu_usage} and {@code system_cpu_usage} carry the same information.
 */
@Singleton
public class PrometheusHygiene implements MeterFilter {
    private static final Set<String> DROPPED = Set.of("process.cpu.time", "system.cpu.count");
    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "http.server.requests", "HTTP requests served by Ballast, by method, route template, status and exception",
            "executor", "Time tasks spent running on a Ballast executor");

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        return DROPPED.contains(id.getName()) ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
    }

    @Override
    public Meter.Id map(Meter.Id id) {
        if (id.getDescription() != null && !id.getDescription().isBlank()) {
            return id;
        }
        String description = DESCRIPTIONS.getOrDefault(id.getName(), "Ballast meter " + id.getName());
        return new Meter.Id(id.getName(), Tags.of(id.getTagsAsIterable()), id.getBaseUnit(), description, id.getType());
    }
}
