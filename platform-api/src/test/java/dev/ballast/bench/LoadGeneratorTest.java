package dev.ballast.bench;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generator against the JDK's HTTP server: counts, bodies, kept-alive connections and errors; no timing assertions. */
class LoadGeneratorTest {
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final ConcurrentHashMap<String, Boolean> bodies = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/echo", exchange -> {
            requests.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            bodies.put(body + " " + exchange.getRequestHeaders().getFirst("Authorization"), true);
            byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body.contains("fail") ? 500 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    @Test
    void anOpenLoopSendsEveryPlannedRequestOnKeptAliveConnections() throws InterruptedException {
        try (LoadGenerator load = new LoadGenerator("127.0.0.1", port(), 4)) {
            LoadGenerator.Result r = load.openLoop(requests("a", "b"), 2_000, Duration.ofMillis(100));
            assertEquals(200, r.ok());
            assertEquals(0, r.errors());
            assertNull(r.firstError());
            assertEquals(200, r.latencyNanos().length);
            assertTrue(r.latencies().min() > 0);
            assertEquals(200, requests.get());
            assertTrue(r.bytes() > 200L * 11, "head and body counted");
            assertTrue(bodies.containsKey("{\"inputs\":{\"f0\":\"a\"}} Bearer blst_test"), bodies.toString());
            assertTrue(bodies.containsKey("{\"inputs\":{\"f0\":\"b\"}} Bearer blst_test"), bodies.toString());

            LoadGenerator.Result closed = load.closedLoop(requests("c"), Duration.ofMillis(100));
            assertTrue(closed.ok() > 0);
            assertEquals(closed.ok(), closed.latencyNanos().length);
            assertEquals(4, load.opened(), "one TCP connection per generator connection across both phases");
        }
    }

    @Test
    void non2xxAnswersAreErrorsWithoutLatencies() throws InterruptedException {
        try (LoadGenerator load = new LoadGenerator("127.0.0.1", port(), 2)) {
            LoadGenerator.Result r = load.openLoop(requests("ok", "fail"), 1_000, Duration.ofMillis(20));
            assertEquals(10, r.ok());
            assertEquals(10, r.errors());
            assertEquals("status 500", r.firstError());
            assertEquals(10, r.latencyNanos().length);
        }
    }

    @Test
    void aServerThatIsGoneGivesErrorsNotAnException() throws InterruptedException {
        int port = port();
        server.stop(0);
        try (LoadGenerator load = new LoadGenerator("127.0.0.1", port, 2)) {
            LoadGenerator.Result r = load.openLoop(requests("x"), 100, Duration.ofMillis(40));
            assertEquals(0, r.ok());
            assertEquals(4, r.errors());
            assertTrue(r.firstError().contains("Connect"), r.firstError());
        }
    }

    @Test
    void mergedPhasesAddUpAndPoolTheirLatencies() {
        LoadGenerator.Result a = new LoadGenerator.Result(2, 1, 100, 1_000, new long[] {5, 7}, "status 500");
        LoadGenerator.Result b = new LoadGenerator.Result(1, 0, 50, 3_000, new long[] {9}, null);
        LoadGenerator.Result m = LoadGenerator.Result.merge(java.util.List.of(b, a));
        assertEquals(3, m.ok());
        assertEquals(1, m.errors());
        assertEquals(150, m.bytes());
        assertEquals(4_000, m.elapsedNanos());
        assertEquals(3, m.latencies().count());
        assertEquals(9, m.latencies().max());
        assertEquals("status 500", m.firstError());
    }

    private int port() {
        return server.getAddress().getPort();
    }

    private List<byte[]> requests(String... values) {
        return java.util.Arrays.stream(values)
                .map(v -> HttpConnection.post("127.0.0.1", port(), "/echo", "Bearer blst_test", "{\"inputs\":{\"f0\":\"" + v + "\"}}"))
                .toList();
    }
}
