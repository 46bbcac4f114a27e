package dev.ballast.bench;

import dev.ballast.platform.testing.BallastTestServer;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ballast started in the benchmark's JVM on a new PostgreSQL database, stopped (and the database
 * dropped) exactly once: at {@link #close()} or, if the benchmark is interrupted, by a shutdown
 * hook, so an aborted run leaves no benchmark database behind.
 */
final class BenchServer implements AutoCloseable {
    private final BallastTestServer server;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread hook = new Thread(this::stop, "bench-cleanup");

    private BenchServer(BallastTestServer server) {
        this.server = server;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    static BenchServer start() {
        System.setProperty("ballast.test.database", "postgres");
        Progress.log("starting Ballast in-process on a new database");
        return new BenchServer(BallastTestServer.start(Map.of()));
    }

    BallastTestServer server() {
        return server;
    }

    private void stop() {
        if (closed.compareAndSet(false, true)) {
            Progress.log("stopping Ballast and dropping the benchmark database");
            server.close();
        }
    }

    @Override
    public void close() {
        stop();
        Runtime.getRuntime().removeShutdownHook(hook);
    }
}
