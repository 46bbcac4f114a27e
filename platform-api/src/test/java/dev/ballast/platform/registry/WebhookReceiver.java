package dev.ballast.platform.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A webhook receiver for tests: records every POST with its headers and body, checks its
 * signature against the secret configured for its path (computed here with the JDK's HMAC, not
 * with Ballast's code), and answers with the status its path's responder chooses. It can be
 * stopped (connections are then refused) and started again on the same port.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    record Received(String path, Map<String, String> headers, String body, boolean signatureValid, int answered) {
        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final Map<String, String> secrets;
    private final Map<String, Function<Received, Integer>> responders = new ConcurrentHashMap<>();
    private final List<Received> received = new ArrayList<>();
    private HttpServer server;
    private int port;

    WebhookReceiver(Map<String, String> secretsByPath) {
        this.secrets = Map.copyOf(secretsByPath);
    }

    synchronized WebhookReceiver start() throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
                break;
            } catch (BindException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                sleep(100);
            }
        }
        server.createContext("/", this::handle);
        server.start();
        port = server.getAddress().getPort();
        return this;
    }

    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Chooses the status of each request to the path (200 if none). */
    void respond(String path, Function<Received, Integer> responder) {
        responders.put(path, responder);
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    synchronized List<Received> received(Predicate<Received> filter) {
        return received.stream().filter(filter).toList();
    }

    /** Waits (polling, generous deadline) until some request matches, and answers the first that does. */
    Received await(Predicate<Received> filter, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Received> matching = received(filter);
            if (!matching.isEmpty()) {
                return matching.get(0);
            }
            sleep(25);
        }
        throw new AssertionError("no matching webhook request within " + timeout + "; received: " + received());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
            boolean valid = verify(secrets.get(path), headers.get("x-ballast-timestamp"), headers.get("x-ballast-signature"), body);
            Received request = new Received(path, headers, body, valid, 0);
            int status = !"POST".equals(exchange.getRequestMethod()) ? 405
                    : responders.getOrDefault(path, r -> 200).apply(request);
            synchronized (this) {
                received.add(new Received(path, headers, body, valid, status));
            }
            if (status == 204) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            byte[] answer = (status >= 300 ? "receiver says no" : "ok").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    /** The receiver's side of the scheme: HMAC-SHA256(secret, timestamp + "." + body), hex, "sha256=" prefix. */
    static boolean verify(String secret, String timestamp, String signature, String body) {
        if (secret == null || timestamp == null || signature == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return java.security.MessageDigest.isEqual(("sha256=" + HexFormat.of().formatHex(expected)).getBytes(StandardCharsets.US_ASCII),
                    signature.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
