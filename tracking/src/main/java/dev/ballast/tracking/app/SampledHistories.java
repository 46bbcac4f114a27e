package dev.ballast.tracking.app;

import dev.ballast.tracking.domain.RunStore;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most recently drawn reduced histories, each kept with the ends of the history it was
 * computed from. Reducing a long history reads every point (a 100,000-point history costs tens of
 * milliseconds on every view), while its ends come from two index probes: a chart whose history
 * has not grown since is answered from here. A point logged later at an earlier step than the
 * last one (which MLflow clients do not do when they log in order) shows after the next point at
 * the end of the history. Bounded: the least recently used entries go first.
 */
final class SampledHistories {
    /** Which reduction of which history. */
    record Key(String runId, String metricKey, MetricHistorySampler.Axis axis, int maxPoints) {
    }

    private record Entry(RunStore.HistoryEnds ends, MetricHistorySampler.Sampled sampled) {
    }

    private final Map<Key, Entry> entries;

    SampledHistories(int capacity) {
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The reduction made from a history with exactly these ends, or null. */
    synchronized MetricHistorySampler.Sampled get(Key key, RunStore.HistoryEnds ends) {
        Entry entry = entries.get(key);
        return entry != null && entry.ends().equals(ends) ? entry.sampled() : null;
    }

    synchronized void put(Key key, RunStore.HistoryEnds ends, MetricHistorySampler.Sampled sampled) {
        entries.put(key, new Entry(ends, sampled));
    }
}
