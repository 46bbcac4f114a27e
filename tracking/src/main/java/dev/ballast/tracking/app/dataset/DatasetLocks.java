package dev.ballast.tracking.app.dataset;

import jakarta.inject.Singleton;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises the commit step of concurrent uploads to one dataset (parsing runs in parallel; only
 * "read head, commit, index" is exclusive), so two uploads become two commits in some order and
 * neither is lost. One process owns the data directory (the start-up lock), so an in-process lock
 * is enough; the git ref update is also compare-and-set as a second guard.
 */
@Singleton
public class DatasetLocks {
    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public <T> T exclusive(String dataset, Supplier<T> work) {
        ReentrantLock lock = locks.computeIfAbsent(dataset, k -> new ReentrantLock(true));
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
