package dev.ballast.demo;

/** Stops the demo with a message for the person running it (what failed and what Ballast answered). */
public final class DemoException extends RuntimeException {
    public DemoException(String message) {
        super(message);
    }

    public DemoException(String message, Throwable cause) {
        super(message, cause);
    }
}
