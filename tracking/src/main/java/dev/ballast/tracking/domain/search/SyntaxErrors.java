package dev.ballast.tracking.domain.search;

import dev.ballast.core.error.BallastException;

/** Builds the 400 errors of the search grammar, so every message names the input and the position. */
final class SyntaxErrors {
    private static final int MAX_SHOWN = 200;

    private SyntaxErrors() {
    }

    /**
     * @param what     {@code "filter"} or {@code "order_by clause"}
     * @param source   the text being parsed
     * @param position 0-based offset of the problem
     * @param problem  what is wrong, as a sentence fragment
     */
    static BallastException at(String what, String source, int position, String problem) {
        return BallastException.invalid("Invalid " + what + " '" + shorten(source) + "': " + problem + " at position " + position + ".");
    }

    /** An error about the input as a whole (its size, for example). */
    static BallastException of(String what, String source, String problem) {
        return BallastException.invalid("Invalid " + what + " '" + shorten(source) + "': " + problem + ".");
    }

    /** Source text cut to a readable length for messages. */
    static String shorten(String text) {
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "...";
    }
}
