package dev.ballast.core.identity.app;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;

/**
 * Hashes and checks passwords with bcrypt. The cost is configurable
 * ({@code ballast.security.bcrypt-cost}, default 12) so production stays slow for attackers while
 * tests can run at the minimum cost.
 */
@Singleton
public class PasswordHasher {
    /** bcrypt only reads 72 bytes; longer passwords would be silently truncated, so they are refused. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private final int cost;
    private final String dummyHash;

    public PasswordHasher(@Value("${ballast.security.bcrypt-cost:12}") int cost) {
        this.cost = cost;
        this.dummyHash = hash("not-a-password-" + System.nanoTime());
    }

    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    public boolean matches(String password, String hash) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_PASSWORD_BYTES) {
            return false;
        }
        return BCrypt.verifyer().verify(bytes, hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    /** Spends the time of one verification, so an unknown user name answers as slowly as a wrong password. */
    public void burnOneVerification(String password) {
        matches(password, dummyHash);
    }
}
