package dev.ballast.registry.domain.gate;

import dev.ballast.core.error.BallastException;

/**
 * Builds the errors for malformed gate rules, so every message quotes the rule, says what was
 * expected and gives the 0-based character position (as the tracking filter grammar does).
 */
final class GateSyntaxErrors {
    private static final int MAX_SHOWN = 200;

    private GateSyntaxErrors() {
    }

    /** A problem at a position of {@code source}. */
    static BallastException at(String source, int position, String problem) {
        return BallastException.invalid("Invalid gate rule '" + shorten(source) + "': " + problem + " at position " + position + ".");
    }

    /** A problem with the rule as a whole (empty, too long). */
    static BallastException of(String source, String problem) {
        return BallastException.invalid("Invalid gate rule '" + shorten(source) + "': " + problem + ".");
    }

    /** Text cut to a readable length for messages. */
    static String shorten(String text) {
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "...";
    }
}
