package dev.ballast.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;

/**
 * The demo's engineer and reviewer. Run by an ADMIN, it creates them (or, on a second run, gives them new passwords)
 * with fresh random passwords it prints, so that a person can sign in to the UI as either afterwards.
 */
public final class DemoUsers {
    private static final SecureRandom RANDOM = new SecureRandom();

    private DemoUsers() {
    }

    /** The two users' API clients: engineer first, reviewer second. */
    public record Pair(BallastApi engineer, BallastApi reviewer) {
    }

    public static Pair ensure(BallastApi admin, String prefix, Console console) {
        JsonNode me = admin.get("/api/v1/users/me");
        String role = me.path("user").path("role").asText(me.path("role").asText(""));
        if (!role.equals("ADMIN")) {
            throw new DemoException("the demo creates its engineer and reviewer, which needs an ADMIN; '" + admin.user() + "' is "
                    + (role.isEmpty() ? "not an admin" : role) + ". Run it as admin (--user admin --password ...).");
        }
        BallastApi engineer = ensure(admin, prefix + "-engineer", "ENGINEER", console);
        BallastApi reviewer = ensure(admin, prefix + "-reviewer", "REVIEWER", console);
        return new Pair(engineer, reviewer);
    }

    private static BallastApi ensure(BallastApi admin, String name, String role, Console console) {
        String password = password();
        BallastApi.Answer created = admin.send("POST", "/api/v1/users", Map.of("username", name, "password", password, "role", role),
                "application/json", Set.of(200, 201, 400, 409));
        if (created.status() >= 400) {
            admin.put("/api/v1/users/" + BallastApi.encode(name) + "/password", Map.of("password", password));
            admin.patch("/api/v1/users/" + BallastApi.encode(name), Map.of("role", role, "enabled", true));
            console.info("%-9s %s (existed; new password %s)", role.toLowerCase(java.util.Locale.ROOT), name, password);
        } else {
            console.info("%-9s %s / %s", role.toLowerCase(java.util.Locale.ROOT), name, password);
        }
        return admin.as(name, password);
    }

    private static String password() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder s = new StringBuilder("demo-");
        for (int i = 0; i < 16; i++) {
            s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
