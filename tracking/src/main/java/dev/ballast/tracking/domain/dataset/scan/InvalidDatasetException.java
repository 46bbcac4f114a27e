package dev.ballast.tracking.domain.dataset.scan;

/**
 * The uploaded content is not a valid dataset of its format. The message starts with {@code "line N: "}, N the
 * 1-based physical line at fault, so a user can find the problem in an editor.
 */
public final class InvalidDatasetException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long line;

    public InvalidDatasetException(long line, String detail) {
        super("line " + line + ": " + detail);
        this.line = line;
    }

    /** The 1-based physical line at fault. */
    public long line() {
        return line;
    }
}
