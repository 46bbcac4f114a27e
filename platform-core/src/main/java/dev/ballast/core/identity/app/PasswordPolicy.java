package dev.ballast.core.identity.app;

import dev.ballast.core.error.BallastException;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The rules for user names and passwords, checked at every place a credential is set,
 * including the first admin's password taken from the environment.
 */
public final class PasswordPolicy {
    public static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    private PasswordPolicy() {
    }

    public static String checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw BallastException.invalid("Invalid value for parameter 'username': use 1-64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit.");
        }
        return username;
    }

    public static String checkPassword(String username, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw BallastException.invalid("Invalid value for parameter 'password': it must have at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > PasswordHasher.MAX_PASSWORD_BYTES) {
            throw BallastException.invalid("Invalid value for parameter 'password': it must be at most " + PasswordHasher.MAX_PASSWORD_BYTES + " bytes.");
        }
        if (password.equalsIgnoreCase(username)) {
            throw BallastException.invalid("Invalid value for parameter 'password': it must differ from the user name.");
        }
        return password;
    }
}
