package dev.ballast.platform;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import java.util.Map;

/**
 * Starts Ballast: settles the data directory and database before Micronaut starts, refuses to
 * share a data directory with another process, then runs the HTTP server.
 */
@OpenAPIDefinition(
        info = @Info(title = "Ballast", version = "0.1",
                description = "Experiment tracking (MLflow REST API), datasets, model registry, serving and drift monitoring."),
        security = {@SecurityRequirement(name = "basic"), @SecurityRequirement(name = "bearer")})
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
public final class Application {

    private Application() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        if ("json".equalsIgnoreCase(env.getOrDefault("BALLAST_LOG_FORMAT", "text"))) {
            System.setProperty("logback.configurationFile", "logback-json.xml");
        }
        BallastSettings settings = BallastSettings.from(env);
        DataDirectoryLock lock;
        try {
            lock = DataDirectoryLock.acquire(settings.home());
        } catch (DataDirectoryLock.AlreadyInUse e) {
            System.err.println("ballast: " + e.getMessage());
            System.exit(3);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                lock.close();
            } catch (Exception ignored) {
                // the OS drops the lock with the process anyway
            }
        }, "ballast-unlock"));
        Micronaut.build(args)
                .mainClass(Application.class)
                .properties(settings.properties())
                .banner(false)
                .start();
    }
}
