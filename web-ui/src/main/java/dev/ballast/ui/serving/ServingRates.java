package dev.ballast.ui.serving;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import io.micronaut.context.annotation.Context;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Live serving figures per model, from the meters {@code ServingMetrics} records
 * ({@code ballast.serving.requests}, {@code ballast.serving.errors}, the
 * {@code ballast.serving.latency} histogram): every 5 seconds, and on every read, the cumulative
 * totals are sampled; the rates and latency quantiles are the differences between the newest
 * sample and the oldest one at most a minute older. Quantiles are interpolated linearly inside
 * the histogram bucket that holds them, so they are estimates with the buckets' resolution.
 * The figures are this replica's: the meters count what this process served.
 */
@Context
public class ServingRates {
    static final long WINDOW_MS = 60_000;
    static final long MIN_SPAN_MS = 1_000;
    static final long SAMPLE_EVERY_MS = 5_000;

    private final MeterRegistry registry;
    private final Clock clock;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private final ScheduledExecutorService sampler;

    public ServingRates(@Nullable MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ballast-ui-serving-rates");
            t.setDaemon(true);
            return t;
        });
        if (registry != null) {
            sampler.scheduleWithFixedDelay(this::sampleQuietly, 0, SAMPLE_EVERY_MS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * One model's figures.
     *
     * @param requests          answered requests since this process started
     * @param errors            refused or failed requests since this process started
     * @param windowSeconds     the span the rates cover; 0 when there is no earlier sample yet
     * @param requestsPerSecond answered plus failed requests per second over the window; null without a window
     * @param errorRate         failed / all requests in the window (0 to 1); null when the window saw none
     * @param p50Ms             median latency of the window's answered requests, ms; null when none; infinite beyond the top bucket
     * @param p95Ms             95th percentile, likewise
     */
    public record Live(String model, long requests, long errors, double windowSeconds, Double requestsPerSecond, Double errorRate,
                       Double p50Ms, Double p95Ms) {
    }

    /** The figures of every model that has served or refused a request in this process, by name. */
    public synchronized Map<String, Live> live() {
        Sample now = sample();
        Sample base = null;
        for (Sample s : samples) {
            if (s.at >= now.at - WINDOW_MS && s.at <= now.at - MIN_SPAN_MS) {
                base = s;
                break;
            }
        }
        add(now);
        Map<String, Live> out = new TreeMap<>();
        for (Map.Entry<String, Totals> e : now.byModel.entrySet()) {
            Totals t = e.getValue();
            Totals b = base == null ? null : base.byModel.getOrDefault(e.getKey(), Totals.EMPTY);
            out.put(e.getKey(), figures(e.getKey(), t, b, base == null ? 0 : now.at - base.at));
        }
        return out;
    }

    static Live figures(String model, Totals now, Totals base, long spanMs) {
        if (base == null || spanMs <= 0 || now.requests < base.requests) {
            return new Live(model, Math.round(now.requests), Math.round(now.errors), 0, null, null, null, null);
        }
        double requests = now.requests - base.requests;
        double errors = Math.max(0, now.errors - base.errors);
        double all = requests + errors;
        double seconds = spanMs / 1000.0;
        return new Live(model, Math.round(now.requests), Math.round(now.errors), seconds, all / seconds, all == 0 ? null : errors / all,
                quantile(now, base, 0.5), quantile(now, base, 0.95));
    }

    /** The q-quantile of the latencies recorded between two samples, in ms, from the cumulative bucket counts. */
    static Double quantile(Totals now, Totals base, double q) {
        double total = now.latencyCount - base.latencyCount;
        if (total <= 0 || now.bucketNanos.length == 0) {
            return null;
        }
        double target = q * total;
        double lowerBound = 0;
        double lowerCount = 0;
        for (int i = 0; i < now.bucketNanos.length; i++) {
            double baseCount = i < base.bucketCounts.length ? base.bucketCounts[i] : 0;
            double count = now.bucketCounts[i] - baseCount;
            if (count < 0) {
                // The histogram was reset or rotated between the samples: no honest estimate.
                return null;
            }
            if (count >= target) {
                double within = count - lowerCount;
                double share = within <= 0 ? 1 : (target - lowerCount) / within;
                return (lowerBound + (now.bucketNanos[i] - lowerBound) * share) / 1e6;
            }
            lowerBound = now.bucketNanos[i];
            lowerCount = count;
        }
        return Double.POSITIVE_INFINITY;
    }

    private void sampleQuietly() {
        try {
            synchronized (this) {
                add(sample());
            }
        } catch (RuntimeException e) {
            // A failed sample only leaves a gap; the next one (or the next page load) takes another.
        }
    }

    private void add(Sample s) {
        samples.addLast(s);
        Iterator<Sample> it = samples.iterator();
        while (it.hasNext()) {
            if (it.next().at < s.at - 2 * WINDOW_MS) {
                it.remove();
            } else {
                break;
            }
        }
    }

    private Sample sample() {
        Map<String, Totals> byModel = new HashMap<>();
        if (registry != null) {
            for (Counter c : registry.find("ballast.serving.requests").counters()) {
                totals(byModel, c.getId().getTag("model")).requests += c.count();
            }
            for (Counter c : registry.find("ballast.serving.errors").counters()) {
                totals(byModel, c.getId().getTag("model")).errors += c.count();
            }
            for (Timer t : registry.find("ballast.serving.latency").timers()) {
                totals(byModel, t.getId().getTag("model")).addLatency(t.takeSnapshot().histogramCounts(), t.count());
            }
        }
        return new Sample(clock.millis(), byModel);
    }

    private static Totals totals(Map<String, Totals> byModel, String model) {
        return byModel.computeIfAbsent(model == null ? "" : model, m -> new Totals());
    }

    private record Sample(long at, Map<String, Totals> byModel) {
    }

    /** Cumulative totals of one model at one instant, summed over its versions (whose buckets are the same). */
    static final class Totals {
        static final Totals EMPTY = new Totals();

        double requests;
        double errors;
        double latencyCount;
        double[] bucketNanos = new double[0];
        double[] bucketCounts = new double[0];

        void addLatency(CountAtBucket[] buckets, long count) {
            latencyCount += count;
            if (bucketNanos.length == 0) {
                bucketNanos = new double[buckets.length];
                bucketCounts = new double[buckets.length];
                for (int i = 0; i < buckets.length; i++) {
                    bucketNanos[i] = buckets[i].bucket(TimeUnit.NANOSECONDS);
                }
            }
            for (int i = 0; i < buckets.length && i < bucketCounts.length; i++) {
                bucketCounts[i] += buckets[i].count();
            }
        }
    }

    @PreDestroy
    void stop() {
        sampler.shutdownNow();
    }
}
