package dev.ballast.tracking.domain.dataset;

import dev.ballast.core.error.BallastException;

import java.util.regex.Pattern;

/**
 * Rules for dataset names. A name becomes part of a git ref ({@code refs/heads/datasets/NAME})
 * and of a file name in the repository, so it is restricted to characters that are safe in both
 * and in URLs: letters, digits, '-', '_' and single dots, starting with a letter or digit.
 */
public final class DatasetNames {
    public static final int MAX_LENGTH = 100;
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (MAX_LENGTH - 1) + "}");

    private DatasetNames() {
    }

    /** Returns the name when valid; otherwise INVALID_PARAMETER_VALUE saying what is allowed. */
    public static String require(String name) {
        if (name == null || name.isBlank()) {
            throw BallastException.invalid("A dataset needs a 'name'.");
        }
        if (!VALID.matcher(name).matches() || name.contains("..") || name.endsWith(".") || name.endsWith(".lock")) {
            throw BallastException.invalid("Invalid dataset name '" + abbreviate(name) + "': use 1 to " + MAX_LENGTH
                    + " letters, digits, '-', '_' or '.', starting with a letter or digit (no '..', not ending in '.' or '.lock').");
        }
        return name;
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "...";
    }
}
