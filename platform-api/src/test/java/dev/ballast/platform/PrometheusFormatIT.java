package dev.ballast.platform;

import dev.ballast.platform.testing.BallastTestServer;
import dev.ballast.platform.testing.TestResponse;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The metrics page passes Prometheus' own linter, {@code promtool check metrics} (Debian package
 * {@code prometheus}; .ci/run installs it).
 */
class PrometheusFormatIT {

    @Test
    void passesPromtoolCheckMetrics() throws Exception {
        Path promtool = Path.of("/usr/bin/promtool");
        if (!Files.isExecutable(promtool)) {
            System.err.println("[ballast] promtool not installed: apt-get install prometheus to run PrometheusFormatIT");
        }
        Assumptions.assumeTrue(Files.isExecutable(promtool), "promtool is not installed");
        try (BallastTestServer server = BallastTestServer.start()) {
            server.get("/api/v1/users/me", server.adminAuth());
            server.get("/api/2.0/mlflow/nope", server.adminAuth());
            server.get("/api/v1/users/me", null);
            TestResponse metrics = server.get("/prometheus", null);
            assertEquals(200, metrics.status());

            Process p = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(metrics.body().getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), "promtool check metrics:\n" + out);
        }
    }
}
