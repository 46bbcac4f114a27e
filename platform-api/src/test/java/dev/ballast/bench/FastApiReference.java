package dev.ballast.bench;

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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The reference stack as a child process: {@code bench/reference/serve_ridge.py}
 * (FastAPI + uvicorn, one worker, scikit-learn Ridge trained on the benchmark's CSV) on a free
 * loopback port. The interpreter comes from {@code BALLAST_BENCH_PYTHON} (chosen by
 * {@code bench/serving.sh}, which installs the Debian packages when they are missing); when the
 * script found no usable stack it says why in {@code BALLAST_BENCH_FASTAPI_UNAVAILABLE}, and the
 * report carries that reason instead of figures. Closing stops the process it started, and only it.
 */
final class FastApiReference implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final int port;
    private final String versions;

    private FastApiReference(Process process, Path log, int port, String versions) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.versions = versions;
    }

    /** Why the reference cannot run here, or null when it can. */
    static String unavailableReason(Path script) throws InterruptedException {
        String reason = System.getenv("BALLAST_BENCH_FASTAPI_UNAVAILABLE");
        if (reason != null && !reason.isBlank()) {
            return reason.trim();
        }
        if (!Files.isRegularFile(script)) {
            return "no reference script at " + script;
        }
        try {
            Output out = run(List.of(python(), script.toString(), "--versions"));
            return out.status == 0 ? null : python() + " cannot import the stack: " + lastLine(out.text);
        } catch (IOException e) {
            return "no Python interpreter: " + e.getMessage();
        }
    }

    /** The stack's versions (Python, FastAPI, uvicorn, Pydantic, scikit-learn, uvloop/httptools). */
    static String versions(Path script) throws IOException, InterruptedException {
        return run(List.of(python(), script.toString(), "--versions")).text.trim();
    }

    static FastApiReference start(Path script, Path trainingCsv, String probeBody, Duration timeout) throws Exception {
        String versions = versions(script);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = Files.createTempFile("serve-ridge", ".log");
        Process process = new ProcessBuilder(python(), script.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--data", trainingCsv.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        FastApiReference reference = new FastApiReference(process, log, port, versions);
        try {
            reference.awaitReady(probeBody, timeout);
        } catch (Exception e) {
            reference.close();
            throw e;
        }
        return reference;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    String versions() {
        return versions;
    }

    /** What the server printed (its training line, warnings). */
    String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    private void awaitReady(String body, Duration timeout) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the reference server exited with " + process.exitValue() + ": " + output());
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/predict"))
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(5))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
                throw new IllegalStateException("the reference server answered " + r.statusCode() + ": " + r.body());
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the reference server did not answer within " + timeout + ": " + output());
    }

    private static String python() {
        String p = System.getenv("BALLAST_BENCH_PYTHON");
        return p == null || p.isBlank() ? "python3" : p.trim();
    }

    private record Output(int status, String text) {
    }

    private static Output run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Output(p.waitFor(), text);
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a temporary file
        }
    }
}
