package dev.ballast.core.identity.app;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import dev.ballast.core.identity.domain.Role;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.security.SecureRandom;

/**
 * Makes sure a new installation can be administered without shipping a default password:
 * on a start with no users, an {@code admin} is created with {@code BALLAST_ADMIN_PASSWORD}, or
 * with a generated password printed once to the console.
 */
@Singleton
public class AdminBootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);
    public static final String ADMIN_USERNAME = "admin";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final UserAdministration users;
    private final String configuredPassword;
    private final PrintStream console;

    public AdminBootstrap(UserAdministration users,
                          @Nullable @Value("${ballast.admin-password:}") String configuredPassword) {
        this.users = users;
        this.configuredPassword = configuredPassword;
        this.console = System.out;
    }

    @EventListener
    public void onStartup(StartupEvent event) {
        if (!users.isEmpty()) {
            return;
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? generatePassword() : configuredPassword;
        try {
            users.createUnchecked(ADMIN_USERNAME, password, Role.ADMIN);
        } catch (BallastException e) {
            if (e.code() == ErrorCode.RESOURCE_ALREADY_EXISTS) {
                return; // another replica created it first
            }
            throw new IllegalStateException("BALLAST_ADMIN_PASSWORD is not acceptable: " + e.getMessage(), e);
        }
        if (generated) {
            console.println();
            console.println("==============================================================");
            console.println(" Ballast created the first user. This password is shown once:");
            console.println("   user:     " + ADMIN_USERNAME);
            console.println("   password: " + password);
            console.println(" Set BALLAST_ADMIN_PASSWORD on first start to choose it instead.");
            console.println("==============================================================");
            console.println();
            console.flush();
        }
        LOG.info("Created the first admin user '{}' ({} password)", ADMIN_USERNAME, generated ? "generated" : "configured");
    }

    static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
