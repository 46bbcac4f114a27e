package dev.ballast.demo;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The demo's narration: numbered steps with their duration, indented facts, and a text progress bar for long steps
 * (redrawn in place on a terminal, printed at quarters otherwise so logs stay short).
 */
public final class Console {
    private final PrintStream out;
    private final int steps;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private int step;
    private long stepStarted;
    private int lastQuarter = -1;

    public Console(PrintStream out, int steps) {
        this.out = out;
        this.steps = steps;
        this.terminal = System.console() != null;
    }

    /** Starts the next step, closing the previous one with its time. */
    public void step(String title) {
        finishStep();
        step++;
        stepStarted = System.nanoTime();
        out.printf(Locale.ROOT, "%n[%d/%d] %s%n", step, steps, title);
    }

    /** One indented fact of the current step. */
    public void info(String format, Object... args) {
        out.println("      " + String.format(Locale.ROOT, format, args));
    }

    /** Draws {@code done} of {@code total} as a bar labelled {@code what}. */
    public void progress(String what, long done, long total) {
        int width = 30;
        int filled = total == 0 ? width : (int) (width * done / total);
        String bar = String.format(Locale.ROOT, "      [%s%s] %d/%d %s", "#".repeat(filled), ".".repeat(width - filled), done, total, what);
        if (terminal) {
            out.print("\r" + bar + (done >= total ? "\n" : ""));
            out.flush();
            return;
        }
        int quarter = total == 0 ? 4 : (int) (4 * done / total);
        if (quarter != lastQuarter) {
            lastQuarter = quarter;
            out.println(bar);
        }
        if (done >= total) {
            lastQuarter = -1;
        }
    }

    /** Closes the last step and prints the total time. */
    public void done(String message) {
        finishStep();
        out.printf(Locale.ROOT, "%n%s (%.1f s in all)%n", message, seconds(started));
    }

    private void finishStep() {
        if (step > 0) {
            out.printf(Locale.ROOT, "      done in %.1f s%n", seconds(stepStarted));
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
