package dev.ballast.bench;

/**
 * Progress lines on stderr, stamped with the seconds since the benchmark started, so stdout
 * carries nothing but the result table and a long run still shows where it is.
 */
public final class Progress {
    private static final long START = System.nanoTime();

    private Progress() {
    }

    public static void log(String message) {
        System.err.printf("[bench %6.1fs] %s%n", (System.nanoTime() - START) / 1e9, message);
        System.err.flush();
    }
}
