package dev.ballast.tracking.domain.search;

/**
 * A {@link FieldResolver}'s refusal of an identifier. It is checked so that it cannot escape
 * the parser, which turns it into a {@code BallastException} carrying the identifier's position.
 */
public final class UnknownFieldException extends Exception {
    public UnknownFieldException(String message) {
        super(message, null, false, false);
    }
}
