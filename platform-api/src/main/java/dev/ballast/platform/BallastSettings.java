package dev.ballast.platform;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Resolves the settings that must be known before Micronaut starts: the data directory and,
 * unless {@code BALLAST_DB_URL} names another database, the embedded H2 file database inside it.
 * Everything else is read by Micronaut from the environment ({@code BALLAST_PORT} is
 * {@code ballast.port}, and so on) through application.yml.
 */
public record BallastSettings(Path home, String databaseUrl, boolean embeddedDatabase) {

    public static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    public static BallastSettings from(Map<String, String> env) {
        Path home = Path.of(env.getOrDefault("BALLAST_HOME", "ballast-data")).toAbsolutePath().normalize();
        String url = env.get("BALLAST_DB_URL");
        boolean embedded = url == null || url.isBlank();
        if (embedded) {
            url = "jdbc:h2:file:" + home.resolve("db").resolve("ballast") + H2_OPTIONS;
        }
        return new BallastSettings(home, url, embedded);
    }

    /** The properties handed to Micronaut, on top of application.yml and the environment. */
    public Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("ballast.home", home.toString());
        p.put("ballast.db.url", databaseUrl);
        return p;
    }
}
