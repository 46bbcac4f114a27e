package dev.ballast.bench;

import java.util.concurrent.Callable;

/**
 * The shared {@code main} of the benchmarks: runs one, turns an exception into exit status 1,
 * flushes the output and exits with the benchmark's status without waiting for HTTP client and
 * pool threads.
 */
final class BenchMain {
    private BenchMain() {
    }

    static void exitWith(Callable<Integer> benchmark) {
        int status;
        try {
            status = benchmark.call();
        } catch (Throwable e) {
            System.err.println("[bench] FAILED: " + e);
            e.printStackTrace();
            status = 1;
        }
        System.out.flush();
        System.err.flush();
        System.exit(status);
    }
}
