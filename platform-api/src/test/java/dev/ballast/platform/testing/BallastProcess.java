package dev.ballast.platform.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar started as an operator starts it ({@code java -jar}, configured by environment
 * variables), for tests of what only a real process shows: the console, exit codes, the data
 * directory lock, surviving kill -9.
 */
public final class BallastProcess implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final int port;

    private BallastProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    public static Path jar() {
        Path jar = Path.of("target", "ballast-all.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException("run 'mvn package' first: " + jar + " is missing");
        }
        return jar;
    }

    public static BallastProcess start(Map<String, String> env) throws IOException {
        int port = freePort();
        Path log = Files.createTempFile("ballast-process", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-jar", jar().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("BALLAST_"));
        pb.environment().put("BALLAST_PORT", Integer.toString(port));
        pb.environment().put("BALLAST_HOST", "127.0.0.1");
        pb.environment().putAll(env);
        return new BallastProcess(pb.start(), log, port);
    }

    public int port() {
        return port;
    }

    /** The operating system's id of the process, for logs. */
    public long pid() {
        return process.pid();
    }

    public String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** Waits until /health answers 200 and answers how long that took, or fails. */
    public Duration awaitHealthy(Duration timeout) throws Exception {
        long start = System.nanoTime();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        while (System.nanoTime() - start < timeout.toNanos()) {
            if (!process.isAlive()) {
                throw new AssertionError("Ballast exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Ballast was not healthy within " + timeout + ":\n" + output());
    }

    /** Waits for the process to exit and answers its exit code. */
    public int awaitExit(Duration timeout) throws Exception {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("Ballast did not exit within " + timeout + ":\n" + output());
        }
        return process.exitValue();
    }

    /** SIGKILL (kill -9): no shutdown hook, no graceful stop, open transactions cut off; waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
