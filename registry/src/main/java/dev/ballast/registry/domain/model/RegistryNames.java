package dev.ballast.registry.domain.model;

import dev.ballast.core.error.BallastException;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * MLflow's rules for registered model names, version numbers and aliases, with its messages.
 * Ballast adds one: a model name may not contain {@code /} or control characters, because it is
 * a path segment of the card, promotion and serving URLs.
 */
public final class RegistryNames {
    public static final int MAX_NAME_LENGTH = 256;
    public static final int MAX_ALIAS_LENGTH = 255;
    private static final Pattern ALIAS = Pattern.compile("^[\\w\\-]*$");
    private static final Pattern VERSION_ALIAS = Pattern.compile("^[vV]\\d+$");

    private RegistryNames() {
    }

    public static String requireModelName(String name) {
        if (name == null || name.isEmpty()) {
            throw BallastException.invalid("Registered model name cannot be empty.");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw BallastException.invalid("Registered model name '" + name.substring(0, 40) + "...' is " + name.length()
                    + " characters long; the maximum is " + MAX_NAME_LENGTH + ".");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || Character.isISOControl(c)) {
                throw BallastException.invalid("Invalid registered model name '" + printable(name)
                        + "': it may not contain '/' or control characters.");
            }
        }
        return name;
    }

    /** A version number as MLflow's clients send it ("3"); INVALID_PARAMETER_VALUE otherwise. */
    public static int parseVersion(String version) {
        if (version == null || version.isBlank()) {
            throw BallastException.invalid("Missing value for required parameter 'version'.");
        }
        try {
            int v = Integer.parseInt(version.trim());
            if (v < 1) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw BallastException.invalid("Parameter 'version' must be a positive integer, got '" + printable(version) + "'.");
        }
    }

    public static String requireAlias(String alias) {
        if (alias == null || alias.isEmpty()) {
            throw BallastException.invalid("Registered model alias name cannot be empty.");
        }
        if (!ALIAS.matcher(alias).matches()) {
            throw BallastException.invalid("Invalid alias name: '" + printable(alias)
                    + "'. Names may only contain alphanumerics, underscores (_), and dashes (-).");
        }
        if (alias.length() > MAX_ALIAS_LENGTH) {
            throw BallastException.invalid("Registered model alias name is " + alias.length() + " characters long; the maximum is "
                    + MAX_ALIAS_LENGTH + ".");
        }
        if (alias.toLowerCase(Locale.ROOT).equals("latest")) {
            throw BallastException.invalid("'latest' alias name (case insensitive) is reserved.");
        }
        if (VERSION_ALIAS.matcher(alias).matches()) {
            throw BallastException.invalid("Version alias name '" + alias + "' is reserved.");
        }
        return alias;
    }

    private static String printable(String s) {
        String cut = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        StringBuilder out = new StringBuilder();
        cut.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
