package dev.ballast.platform.tracking;

import dev.ballast.platform.testing.BallastTestServer;
import dev.ballast.platform.testing.TestResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The MLflow artifact proxy ({@code /api/2.0/mlflow-artifacts/artifacts}) and the tracking API's
 * {@code artifacts/list} over real HTTP: byte-exact round trips, streamed uploads larger than the
 * buffered-body limit, listings, deletes, authentication, and above all that no URL, however
 * encoded, reads or writes anything outside the artifact root.
 *
 * <p>What the HTTP layer does with traversal, as found here: Micronaut does not normalise dot
 * segments before routing, so {@code /artifacts/../x} reaches the controller; outside a route
 * ({@code /api/2.0/mlflow-artifacts/../x}) the answer is 404 ENDPOINT_NOT_FOUND. Percent-escapes
 * in the artifact path are decoded exactly once ({@code %2e%2e} is {@code ..}, {@code %2F} a
 * slash, {@code %5C} a backslash, {@code %00} NUL) and the store refuses the result with 400
 * INVALID_PARAMETER_VALUE.
 */
class ArtifactProxyIT {
    private static final String PROXY = "/api/2.0/mlflow-artifacts/artifacts";
    private static final String AJAX_PROXY = "/ajax-api/2.0/mlflow-artifacts/artifacts";
    private static final String CANARY = "canary: outside the artifact root";

    private static BallastTestServer server;
    private static String auth;
    private static Path canary;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() throws IOException {
        // A small buffered-body limit proves that artifact uploads are streamed, not buffered.
        server = BallastTestServer.start(Map.of("ballast.http.max-body-size", "1MB"));
        auth = server.adminAuth();
        canary = Files.writeString(server.home().resolve("canary.txt"), CANARY);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String unique() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static HttpResponse<byte[]> send(String method, String path, byte[] body, String contentType, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return exchange(b.build());
    }

    private static HttpResponse<byte[]> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static TestResponse text(HttpResponse<byte[]> r) {
        return new TestResponse(r.statusCode(), r.headers().map(), new String(r.body(), StandardCharsets.UTF_8));
    }

    private static void put(String path, byte[] body) {
        TestResponse r = text(send("PUT", PROXY + "/" + path, body, "application/octet-stream", auth));
        assertEquals(200, r.status(), r.toString());
        assertEquals("{}", r.body());
    }

    private static void assertError(TestResponse r, int status, String code) {
        assertEquals(status, r.status(), r.toString());
        assertEquals(code, r.errorCode(), r.body());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> files(TestResponse r) {
        assertEquals(200, r.status(), r.toString());
        return (List<Map<String, Object>>) r.json().getOrDefault("files", List.of());
    }

    private static Map<String, Object> file(String path, long size) {
        return Map.of("path", path, "is_dir", false, "file_size", (int) size);
    }

    private static Map<String, Object> dir(String path) {
        return Map.of("path", path, "is_dir", true);
    }

    @Test
    void uploadsAndDownloadsBinaryContentByteForByte() {
        String dir = unique();
        byte[] data = new byte[256 * 40];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        put(dir + "/model/weights.bin", data);
        HttpResponse<byte[]> r = send("GET", PROXY + "/" + dir + "/model/weights.bin", null, null, auth);
        assertEquals(200, r.statusCode());
        assertArrayEquals(data, r.body());
        assertEquals("application/octet-stream", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertTrue(r.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"), r.headers().map().toString());
    }

    @Test
    void takesTheBodyRawWhateverItsContentType() {
        String dir = unique();
        byte[] notJson = {'{', 0, (byte) 0xff, 'x', '"'};
        for (String type : new String[] {"application/json", "text/plain; charset=utf-8", "application/x-www-form-urlencoded", null}) {
            String path = dir + "/" + (type == null ? "none" : type.replaceAll("[^a-z]", "_"));
            TestResponse up = text(send("PUT", PROXY + "/" + path, notJson, type, auth));
            assertEquals(200, up.status(), type + ": " + up);
            assertArrayEquals(notJson, send("GET", PROXY + "/" + path, null, null, auth).body(), type);
        }
    }

    @Test
    void streamsUploadsLargerThanTheBufferedBodyLimit() {
        String json = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        assertError(server.postJson("/api/2.0/mlflow/experiments/create", json, auth), 413, "REQUEST_TOO_LARGE");

        byte[] big = new byte[5 * 1024 * 1024];
        new Random(42).nextBytes(big);
        String dir = unique();
        put(dir + "/big.bin", big);
        assertArrayEquals(big, send("GET", PROXY + "/" + dir + "/big.bin", null, null, auth).body());

        // Chunked, without a Content-Length, as a streaming client sends it.
        HttpRequest chunked = HttpRequest.newBuilder(server.uri(PROXY + "/" + dir + "/chunked.bin"))
                .header("Authorization", auth).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build();
        assertEquals(200, exchange(chunked).statusCode());
        assertEquals(List.of(file("big.bin", big.length), file("chunked.bin", big.length)),
                files(server.get(PROXY + "?path=" + dir, auth)));
    }

    @Test
    void overwritesAnExistingArtifact() {
        String path = unique() + "/f.txt";
        put(path, "first, longer version".getBytes(StandardCharsets.UTF_8));
        put(path, "second".getBytes(StandardCharsets.UTF_8));
        assertEquals("second", server.get(PROXY + "/" + path, auth).body());
    }

    @Test
    void listsOneLevelSortedWithSizesOfFilesOnly() {
        String dir = unique();
        put(dir + "/b.txt", new byte[5]);
        put(dir + "/a.txt", new byte[1]);
        put(dir + "/sub/deeper/x.bin", new byte[3]);
        assertEquals(List.of(file("a.txt", 1), file("b.txt", 5), dir("sub")), files(server.get(PROXY + "?path=" + dir, auth)));
        assertEquals(List.of(dir("deeper")), files(server.get(PROXY + "?path=" + dir + "/sub", auth)));
        assertEquals(List.of(dir("deeper")), files(server.get(PROXY + "?path=" + dir + "/sub/", auth)), "a trailing slash is fine");
        assertTrue(files(server.get(PROXY, auth)).contains(dir(dir)), "no path lists the root");

        TestResponse missing = server.get(PROXY + "?path=" + dir + "/nothing-here", auth);
        assertEquals(200, missing.status(), missing.toString());
        assertEquals("{}", missing.body(), "MLflow answers an empty object for a missing directory");
    }

    @Test
    void keepsNamesWithSpacesPlusSignsAndUnicode() {
        String dir = unique();
        put(dir + "/with%20space/a+b%E6%A8%A1.txt", "n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(file("a+b模.txt", 1)), files(server.get(PROXY + "?path=" + dir + "/with%20space", auth)));
        assertEquals("n", server.get(PROXY + "/" + dir + "/with%20space/a+b%E6%A8%A1.txt", auth).body());
    }

    @Test
    void deletesFilesAndTreesThenAnswersNotFound() {
        String dir = unique();
        put(dir + "/keep.txt", new byte[1]);
        put(dir + "/model/MLmodel", new byte[2]);
        put(dir + "/model/data/x", new byte[3]);
        TestResponse deleted = server.send("DELETE", PROXY + "/" + dir + "/model/MLmodel", null, null, auth);
        assertEquals(200, deleted.status(), deleted.toString());
        assertEquals("{}", deleted.body());
        assertError(server.get(PROXY + "/" + dir + "/model/MLmodel", auth), 404, "RESOURCE_DOES_NOT_EXIST");

        assertEquals(200, server.send("DELETE", PROXY + "/" + dir + "/model", null, null, auth).status());
        assertEquals(List.of(file("keep.txt", 1)), files(server.get(PROXY + "?path=" + dir, auth)));
        assertEquals(200, server.send("DELETE", PROXY + "/" + dir + "/never-was", null, null, auth).status(), "deleting nothing is fine");
    }

    @Test
    void refusesToDownloadADirectory() {
        String dir = unique();
        put(dir + "/sub/f", new byte[1]);
        assertError(server.get(PROXY + "/" + dir + "/sub", auth), 400, "INVALID_PARAMETER_VALUE");
    }

    @Test
    void servesTheSameStoreUnderTheAjaxPrefix() {
        String dir = unique();
        TestResponse up = text(send("PUT", AJAX_PROXY + "/" + dir + "/ui.txt", "ajax".getBytes(StandardCharsets.UTF_8), null, auth));
        assertEquals(200, up.status(), up.toString());
        assertEquals("ajax", server.get(PROXY + "/" + dir + "/ui.txt", auth).body());
        assertEquals("ajax", server.get(AJAX_PROXY + "/" + dir + "/ui.txt", auth).body());
        assertEquals(List.of(file("ui.txt", 4)), files(server.get(AJAX_PROXY + "?path=" + dir, auth)));
        assertEquals(200, server.send("DELETE", AJAX_PROXY + "/" + dir + "/ui.txt", null, null, auth).status());
        assertError(server.get(PROXY + "/" + dir + "/ui.txt", auth), 404, "RESOURCE_DOES_NOT_EXIST");
    }

    @Test
    void requiresAuthentication() {
        String path = unique() + "/anon.txt";
        TestResponse r = text(send("PUT", PROXY + "/" + path, "anon".getBytes(StandardCharsets.UTF_8), "application/octet-stream", null));
        assertError(r, 401, "UNAUTHENTICATED");
        assertError(server.get(PROXY + "/" + path, auth), 404, "RESOURCE_DOES_NOT_EXIST");
        put(path, new byte[1]);
        assertError(server.get(PROXY + "/" + path, null), 401, "UNAUTHENTICATED");
        assertError(server.get(PROXY, null), 401, "UNAUTHENTICATED");
        assertError(server.send("DELETE", PROXY + "/" + path, null, null, null), 401, "UNAUTHENTICATED");
        assertError(server.get("/api/2.0/mlflow/artifacts/list?run_id=x", null), 401, "UNAUTHENTICATED");
    }

    @Test
    void neverReadsOrWritesOutsideTheArtifactRoot() throws IOException {
        put("victim/inside.txt", "inside".getBytes(StandardCharsets.UTF_8));
        List<String> before = tree(server.home());
        List<String> refused = List.of(
                "..%2Fcanary.txt", "..%2F..%2Fetc%2Fpasswd", "%2e%2e/canary.txt", "%2E%2E/canary.txt", "%2e%2e%2fcanary.txt",
                "../canary.txt", "victim/../../canary.txt", "victim/%2e%2e/%2e%2e/canary.txt", "victim%2F..%2F..%2Fcanary.txt",
                "/etc/passwd", "%2Fetc%2Fpasswd", "..%5Ccanary.txt", "victim%5C..%5C..%5Ccanary.txt", "C:%5CWindows%5Cwin.ini",
                "victim//inside.txt", "victim/./inside.txt", "victim/inside.txt%00.png", "victim%0Ainside.txt", "bad%C3%28utf8");
        for (String p : refused) {
            for (String prefix : new String[] {PROXY, AJAX_PROXY}) {
                for (String method : new String[] {"PUT", "GET", "DELETE"}) {
                    RawResponse r = raw(method, prefix + "/" + p, "pwned");
                    assertEquals(400, r.status, method + " " + prefix + "/" + p + " -> " + r.text);
                    assertTrue(r.text.contains("\"error_code\":\"INVALID_PARAMETER_VALUE\""), method + " " + p + " -> " + r.text);
                    assertFalse(r.text.contains(CANARY) || r.text.contains("root:"), "served something from outside: " + r.text);
                }
            }
        }
        for (String q : new String[] {"..", "%2e%2e", "../..", "/etc", "%2Fetc", "victim/../..", "..%5C..", "victim//x"}) {
            RawResponse r = raw("GET", PROXY + "?path=" + q, null);
            assertEquals(400, r.status, "list " + q + " -> " + r.text);
            assertTrue(r.text.contains("INVALID_PARAMETER_VALUE"), r.text);
        }
        // Dot segments outside the route are not normalised into it: no endpoint there at all.
        RawResponse outsideRoute = raw("GET", "/api/2.0/mlflow-artifacts/../../canary.txt", null);
        assertEquals(404, outsideRoute.status, outsideRoute.text);
        assertTrue(outsideRoute.text.contains("ENDPOINT_NOT_FOUND"), outsideRoute.text);

        assertEquals(CANARY, Files.readString(canary), "the canary next to the root is untouched");
        assertEquals(before, tree(server.home()), "nothing was created, replaced or deleted anywhere");
        assertEquals("inside", server.get(PROXY + "/victim/inside.txt", auth).body());
    }

    @Test
    void refusesASymlinkLeadingOutOfTheRoot() throws IOException {
        Path link = server.home().resolve("artifacts").resolve("escape-" + unique());
        try {
            Files.createSymbolicLink(link, server.home());
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.jupiter.api.Assumptions.abort("symbolic links not supported here: " + e);
        }
        String name = link.getFileName().toString();
        assertError(server.get(PROXY + "/" + name + "/canary.txt", auth), 400, "INVALID_PARAMETER_VALUE");
        assertError(text(send("PUT", PROXY + "/" + name + "/canary.txt", "pwned".getBytes(StandardCharsets.UTF_8), null, auth)),
                400, "INVALID_PARAMETER_VALUE");
        assertError(server.get(PROXY + "?path=" + name, auth), 400, "INVALID_PARAMETER_VALUE");
        assertEquals(CANARY, Files.readString(canary));
        Files.delete(link);
    }

    @Test
    void listsARunsArtifactsRelativeToItsRoot() {
        TestResponse exp = server.postJson("/api/2.0/mlflow/experiments/create", "{\"name\":\"artifacts-" + unique() + "\"}", auth);
        assertEquals(200, exp.status(), exp.toString());
        String experimentId = (String) exp.json().get("experiment_id");
        TestResponse run = server.postJson("/api/2.0/mlflow/runs/create", "{\"experiment_id\":\"" + experimentId + "\"}", auth);
        assertEquals(200, run.status(), run.toString());
        Map<?, ?> info = (Map<?, ?>) ((Map<?, ?>) run.json().get("run")).get("info");
        String runId = (String) info.get("run_id");
        String artifactUri = (String) info.get("artifact_uri");
        assertEquals("mlflow-artifacts:/" + experimentId + "/" + runId + "/artifacts", artifactUri);

        String root = artifactUri.substring("mlflow-artifacts:/".length());
        put(root + "/model/MLmodel", "flavors: {}\n".getBytes(StandardCharsets.UTF_8));
        put(root + "/model/data/model.pkl", new byte[7]);
        put(root + "/metrics.json", "{}".getBytes(StandardCharsets.UTF_8));

        TestResponse top = server.get("/api/2.0/mlflow/artifacts/list?run_id=" + runId, auth);
        assertEquals(artifactUri, top.json().get("root_uri"), top.body());
        assertFalse(top.json().containsKey("next_page_token"), top.body());
        assertEquals(List.of(file("metrics.json", 2), dir("model")), files(top));

        TestResponse model = server.get("/api/2.0/mlflow/artifacts/list?run_uuid=" + runId + "&path=model&page_token=", auth);
        assertEquals(List.of(file("model/MLmodel", 12), dir("model/data")), files(model));
        assertEquals(List.of(file("model/data/model.pkl", 7)),
                files(server.get("/ajax-api/2.0/mlflow/artifacts/list?run_id=" + runId + "&path=model/data", auth)));
        TestResponse empty = server.get("/api/2.0/mlflow/artifacts/list?run_id=" + runId + "&path=nothing", auth);
        assertEquals(Map.of("root_uri", artifactUri), empty.json());

        assertError(server.get("/api/2.0/mlflow/artifacts/list?run_id=" + runId + "&path=..%2F..%2F" + experimentId, auth),
                400, "INVALID_PARAMETER_VALUE");
        assertError(server.get("/api/2.0/mlflow/artifacts/list?run_id=" + runId + "&path=%2Fetc", auth), 400, "INVALID_PARAMETER_VALUE");
        assertError(server.get("/api/2.0/mlflow/artifacts/list?run_id=" + "0".repeat(32), auth), 404, "RESOURCE_DOES_NOT_EXIST");
        assertError(server.get("/api/2.0/mlflow/artifacts/list", auth), 400, "INVALID_PARAMETER_VALUE");
    }

    @Test
    void refusesToListRunsWhoseArtifactsLiveElsewhere() {
        TestResponse exp = server.postJson("/api/2.0/mlflow/experiments/create",
                "{\"name\":\"s3-" + unique() + "\",\"artifact_location\":\"s3://bucket/prefix\"}", auth);
        assertEquals(200, exp.status(), exp.toString());
        TestResponse run = server.postJson("/api/2.0/mlflow/runs/create",
                "{\"experiment_id\":\"" + exp.json().get("experiment_id") + "\"}", auth);
        String runId = (String) ((Map<?, ?>) ((Map<?, ?>) run.json().get("run")).get("info")).get("run_id");
        TestResponse r = server.get("/api/2.0/mlflow/artifacts/list?run_id=" + runId, auth);
        assertError(r, 501, "NOT_IMPLEMENTED");
        assertTrue(r.json().get("message").toString().contains("s3://bucket/prefix"), r.body());
    }

    /** Every file and directory under {@code dir} with its size, as a snapshot to compare. */
    private static List<String> tree(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted().forEach(p -> out.add(dir.relativize(p) + (Files.isRegularFile(p) ? " " + p.toFile().length() : "/")));
        }
        return out;
    }

    private record RawResponse(int status, String text) {
    }

    /**
     * Sends a request line exactly as given, over a plain socket: no client library gets the
     * chance to normalise or re-encode the path before the server sees it.
     */
    private static RawResponse raw(String method, String target, String body) {
        String base = server.baseUrl();
        int port = Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            String head = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: " + auth
                    + "\r\nConnection: close\r\nContent-Type: application/octet-stream\r\nContent-Length: " + content.length + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(text.indexOf(' ') + 1, text.indexOf(' ') + 4));
            return new RawResponse(status, text);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + target + " failed: " + e.getMessage(), e);
        }
    }
}
