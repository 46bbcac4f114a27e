package dev.ballast.demo;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polling with a deadline, for what Ballast does in the background (serving sync, scheduled checks, workflows). */
public final class Waits {

    /** Polls {@code done} every 250 ms until it is true; fails after {@code seconds} naming what it waited for. */
    public void until(String what, int seconds, BooleanSupplier done) {
        value(what, seconds, () -> done.getAsBoolean() ? Boolean.TRUE : null);
    }

    /** Polls {@code attempt} until it answers non-null (a DemoException counts as not yet). */
    public <T> T value(String what, int seconds, Supplier<T> attempt) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        DemoException last = null;
        while (true) {
            try {
                T value = attempt.get();
                if (value != null) {
                    return value;
                }
            } catch (DemoException e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                throw new DemoException("waited " + seconds + " s for " + what + (last == null ? "" : "; last answer: " + last.getMessage()));
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoException("interrupted while waiting for " + what, e);
            }
        }
    }
}
