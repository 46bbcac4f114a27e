package dev.ballast.registry.app.serving.metrics;

import dev.ballast.registry.app.serving.capture.CaptureStats;
import dev.ballast.registry.app.serving.capture.PredictionCapture;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;

import java.util.function.ToLongFunction;

/**
 * Prediction capture's counts as Prometheus series, read from {@link PredictionCapture#stats()}
 * at each scrape (nothing is recorded on the request path):
 * {@code ballast_serving_capture_{offered,sampled_out,dropped,written,failed}_total} and the gauges
 * {@code ballast_serving_capture_queue_depth} and {@code _queue_capacity}. Alert on a rising
 * {@code dropped}: the database writes slower than predictions are served.
 *
 * <p>A {@link Context} bean, so the series exist from start-up, before the first prediction.
 */
@Context
@Requires(bean = MeterRegistry.class)
public class CaptureMeters {

    public CaptureMeters(MeterRegistry registry, PredictionCapture capture) {
        counter(registry, capture, "offered", "Served rows offered to prediction capture", CaptureStats::offered);
        counter(registry, capture, "sampled.out", "Served rows prediction capture left out by sampling", CaptureStats::sampledOut);
        counter(registry, capture, "dropped", "Served rows prediction capture dropped because its queue was full", CaptureStats::dropped);
        counter(registry, capture, "written", "Captured predictions written to the database", CaptureStats::written);
        counter(registry, capture, "failed", "Captured predictions lost to database errors", CaptureStats::failed);
        Gauge.builder("ballast.serving.capture.queue.depth", capture, c -> c.stats().queueDepth())
                .description("Captured predictions waiting for the writer").register(registry);
        Gauge.builder("ballast.serving.capture.queue.capacity", capture, c -> c.stats().queueCapacity())
                .description("Captured predictions the queue holds before dropping new ones").register(registry);
    }

    private static void counter(MeterRegistry registry, PredictionCapture capture, String name, String description,
                                ToLongFunction<CaptureStats> count) {
        FunctionCounter.builder("ballast.serving.capture." + name, capture, c -> count.applyAsLong(c.stats()))
                .description(description).register(registry);
    }
}
