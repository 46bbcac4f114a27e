package dev.ballast.registry.app.serving;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import dev.ballast.registry.domain.model.ModelVersion;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loaded versions by model id and version number, so a version is loaded once however many
 * endpoints (alias, pinned, canary, shadow) use it. A failed load is remembered for the sync
 * interval, so a broken version is retried on schedule rather than on every request. The least
 * recently used of more than {@value #CAPACITY} versions are dropped.
 */
@Singleton
public class ModelCache {
    static final int CAPACITY = 32;

    private final VersionLoader loader;
    private final ServingSettings settings;
    private final Clock clock;
    private final Map<String, LoadedVersion> loaded = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, LoadedVersion> eldest) {
            return size() > CAPACITY;
        }
    };
    private final Map<String, Failure> failures = new LinkedHashMap<>();

    private record Failure(BallastException error, long at) {
    }

    public ModelCache(VersionLoader loader, ServingSettings settings, Clock clock) {
        this.loader = loader;
        this.settings = settings;
        this.clock = clock;
    }

    /** The loaded version; loads it on first use (the caller's thread waits). */
    public LoadedVersion get(ModelVersion v) {
        String key = v.modelId() + "/" + v.version();
        synchronized (this) {
            LoadedVersion hit = loaded.get(key);
            if (hit != null) {
                return hit;
            }
            Failure failed = failures.get(key);
            if (failed != null && clock.millis() - failed.at() < settings.syncInterval().toMillis()) {
                throw failed.error();
            }
        }
        try {
            LoadedVersion fresh = loader.load(v);
            synchronized (this) {
                failures.remove(key);
                LoadedVersion raced = loaded.putIfAbsent(key, fresh);
                return raced != null ? raced : fresh;
            }
        } catch (BallastException e) {
            if (e.code() == ErrorCode.TEMPORARILY_UNAVAILABLE) {
                synchronized (this) {
                    failures.put(key, new Failure(e, clock.millis()));
                }
            }
            throw e;
        }
    }

    /** Forgets every loaded version of a model (deleted or renamed). */
    public synchronized void evict(long modelId) {
        loaded.keySet().removeIf(k -> k.startsWith(modelId + "/"));
        failures.keySet().removeIf(k -> k.startsWith(modelId + "/"));
    }
}
