package dev.ballast.platform.tracking;

import dev.ballast.platform.testing.BallastProcess;
import dev.ballast.platform.testing.TestResponse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A dataset several times larger than the server's heap streams through upload, profile, git and
 * download: the packaged jar runs with a 64 MB heap and takes a 320 MB CSV sent without a length
 * (chunked), then serves it back. The content is generated on the fly on both sides, so the test
 * itself holds no copy either. Runs once (H2): what it checks does not depend on the database.
 */
class DatasetLargeUploadIT {
    private static final int ROW_BYTES = 44;
    private static final long ROWS = 7_300_000;
    private static final String[] PLATFORMS = {"ig", "tt", "yt", "tw"};
    private static final String HEADER = "id,followers,engagement_rate,platform,growth_30d\n";
    private static final long SIZE = HEADER.length() + ROWS * ROW_BYTES;

    @Test
    void aFileFiveTimesTheHeapStreamsThrough() throws Exception {
        assumeTrue("h2".equals(System.getProperty("ballast.test.database", "h2")), "runs in the H2 execution only");
        Path home = Files.createTempDirectory("ballast-large-upload");
        Map<String, String> env = new HashMap<>();
        env.put("BALLAST_HOME", home.toString());
        env.put("BALLAST_ADMIN_PASSWORD", "large-upload-admin-password");
        env.put("JAVA_TOOL_OPTIONS", "-Xmx64m");
        try (BallastProcess ballast = BallastProcess.start(env)) {
            ballast.awaitHealthy(Duration.ofSeconds(90));
            String auth = "Basic " + Base64.getEncoder().encodeToString("admin:large-upload-admin-password".getBytes(StandardCharsets.UTF_8));
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + ballast.port() + "/api/v1/datasets";
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base)).header("Authorization", auth)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"big\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, created.statusCode(), created.body());

            GeneratedCsv upload = new GeneratedCsv();
            HttpResponse<String> uploaded = http.send(HttpRequest.newBuilder(URI.create(base + "/big/versions"))
                    .header("Authorization", auth).header("Content-Type", "text/csv").timeout(Duration.ofMinutes(10))
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> upload)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, uploaded.statusCode(), uploaded.body() + "\n" + ballast.output());
            assertEquals(SIZE, upload.sent);
            @SuppressWarnings("unchecked")
            Map<String, Object> version = (Map<String, Object>) new TestResponse(201, Map.of(), uploaded.body()).json().get("version");
            assertEquals(upload.blobId(), version.get("digest"));
            assertEquals(ROWS, ((Number) version.get("rows")).longValue());
            assertEquals(SIZE, ((Number) version.get("size_bytes")).longValue());

            HttpResponse<InputStream> download = http.send(HttpRequest.newBuilder(URI.create(base + "/big/versions/1/content"))
                    .header("Authorization", auth).timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, download.statusCode());
            MessageDigest sha1 = blobDigest();
            long received = 0;
            GeneratedCsv expected = new GeneratedCsv();
            byte[] got = new byte[64 * 1024];
            byte[] want = new byte[64 * 1024];
            try (InputStream in = download.body()) {
                for (int n; (n = in.readNBytes(got, 0, got.length)) > 0; ) {
                    assertEquals(n, expected.readNBytes(want, 0, n));
                    for (int i = 0; i < n; i++) {
                        if (got[i] != want[i]) {
                            throw new AssertionError("download differs at byte " + (received + i));
                        }
                    }
                    sha1.update(got, 0, n);
                    received += n;
                }
            }
            assertEquals(SIZE, received);
            assertEquals(upload.blobId(), HexFormat.of().formatHex(sha1.digest()));
        }
    }

    private static MessageDigest blobDigest() throws NoSuchAlgorithmException {
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        sha1.update(("blob " + SIZE + "\0").getBytes(StandardCharsets.US_ASCII));
        return sha1;
    }

    /** A deterministic CSV of fixed-width rows, produced as it is read, hashing what it hands out. */
    private static final class GeneratedCsv extends InputStream {
        private final MessageDigest sha1;
        private final byte[] row = new byte[ROW_BYTES];
        private byte[] pending = HEADER.getBytes(StandardCharsets.US_ASCII);
        private int pos;
        private long nextRow;
        long sent;

        GeneratedCsv() throws NoSuchAlgorithmException {
            sha1 = blobDigest();
        }

        private String blobId;

        /** The git blob id of everything handed out; call after the end. */
        String blobId() {
            if (blobId == null) {
                blobId = HexFormat.of().formatHex(sha1.digest());
            }
            return blobId;
        }

        private boolean fill() {
            if (pos < pending.length) {
                return true;
            }
            if (nextRow >= ROWS) {
                return false;
            }
            long i = nextRow++;
            // id(10),followers(9),engagement_rate(8),platform(2),growth_30d(10) and a newline: 44 bytes.
            int at = digits(row, 0, i, 10);
            row[at++] = ',';
            at = digits(row, at, (i * 7919) % 100_000_000, 9);
            row[at++] = ',';
            row[at++] = '0';
            row[at++] = '.';
            at = digits(row, at, (i % 1000) * 100, 6);
            row[at++] = ',';
            String platform = PLATFORMS[(int) (i % PLATFORMS.length)];
            row[at++] = (byte) platform.charAt(0);
            row[at++] = (byte) platform.charAt(1);
            row[at++] = ',';
            long growth = (i * 31) % 2_000_001 - 1_000_000;
            row[at++] = (byte) (growth < 0 ? '-' : '+');
            at = digits(row, at, Math.abs(growth) / 10_000, 4);
            row[at++] = '.';
            at = digits(row, at, Math.abs(growth) % 10_000, 4);
            row[at++] = '\n';
            if (at != ROW_BYTES) {
                throw new IllegalStateException("row width " + at);
            }
            pending = row;
            pos = 0;
            return true;
        }

        private static int digits(byte[] into, int at, long value, int width) {
            for (int k = width - 1; k >= 0; k--) {
                into[at + k] = (byte) ('0' + value % 10);
                value /= 10;
            }
            return at + width;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            int total = 0;
            while (total < len && fill()) {
                int n = Math.min(len - total, pending.length - pos);
                System.arraycopy(pending, pos, b, off + total, n);
                sha1.update(pending, pos, n);
                pos += n;
                total += n;
            }
            sent += total;
            return total == 0 ? -1 : total;
        }

        @Override
        public void close() throws IOException {
            // nothing held
        }
    }
}
