package dev.ballast.platform.tracking;

import dev.ballast.platform.testing.BallastTestServer;
import dev.ballast.platform.testing.TestResponse;
import dev.ballast.tracking.app.dataset.DatasetService;
import dev.ballast.tracking.domain.dataset.scan.SortedColumn;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The datasets API over real HTTP, checked against git itself (JGit reading Ballast's repository,
 * and the digests recomputed here the way {@code git hash-object} does): upload, idempotent
 * re-upload, versions, byte-identical download, profile, diff, external import, verify (also of
 * a tampered object), lineage both ways and the MLflow dataset filters, bad content, the size
 * limit, concurrent uploads and start-up recovery of a commit that was never indexed.
 */
class DatasetsIT {
    private static final String DATASETS = "/api/v1/datasets";
    private static final String MLFLOW = "/api/2.0/mlflow";

    private static BallastTestServer server;
    private static String admin;
    private static String engineer;
    private static String reviewer;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() {
        server = BallastTestServer.start(Map.of("ballast.datasets.max-upload-size", "256KB"));
        admin = server.adminAuth();
        engineer = server.createUser("eve", "ENGINEER");
        reviewer = server.createUser("rita", "REVIEWER");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    // ---------------------------------------------------------------- helpers

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String createDataset(String auth) {
        String name = unique("ds");
        TestResponse r = server.postJson(DATASETS, "{\"name\":\"" + name + "\",\"description\":\"test data\"}", auth);
        assertEquals(201, r.status(), r.toString());
        return name;
    }

    private static TestResponse upload(String name, byte[] content, String contentType, String query, String auth) {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(DATASETS + "/" + name + "/versions" + (query == null ? "" : "?" + query)))
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(content));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.header("Authorization", auth);
        return send(b.build());
    }

    private static TestResponse uploadCsv(String name, String csv) {
        return upload(name, csv.getBytes(StandardCharsets.UTF_8), "text/csv", null, engineer);
    }

    private static TestResponse send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new TestResponse(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] download(String path) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(server.uri(path)).header("Authorization", reviewer).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        return r.body();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> version(TestResponse r) {
        return (Map<String, Object>) r.json().get("version");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    /** What {@code git hash-object FILE} prints for this content. */
    static String gitBlobId(byte[] content) throws Exception {
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        sha1.update(("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
        sha1.update(content);
        return HexFormat.of().formatHex(sha1.digest());
    }

    private static Repository ballastRepository() throws IOException {
        return new FileRepositoryBuilder().setGitDir(server.home().resolve("datasets/repo.git").toFile()).setMustExist(true).build();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String csv(int rows, int seed) {
        StringBuilder b = new StringBuilder("id,city,age,score,member\n");
        for (int i = 0; i < rows; i++) {
            int k = i + seed;
            b.append(k).append(',').append(k % 3 == 0 ? "\"Lima, PE\"" : "Quito").append(',').append(20 + k % 50).append(',')
                    .append(k * 0.5).append(',').append(k % 2 == 0).append('\n');
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- datasets

    @Test
    void createsListsAndDescribesDatasets() {
        String name = createDataset(engineer);
        TestResponse duplicate = server.postJson(DATASETS, "{\"name\":\"" + name + "\"}", engineer);
        assertEquals(400, duplicate.status());
        assertEquals("RESOURCE_ALREADY_EXISTS", duplicate.errorCode());

        TestResponse badName = server.postJson(DATASETS, "{\"name\":\"../etc\"}", engineer);
        assertEquals(400, badName.status());
        assertEquals("INVALID_PARAMETER_VALUE", badName.errorCode());
        assertEquals(403, server.postJson(DATASETS, "{\"name\":\"" + unique("r") + "\"}", reviewer).status());

        Map<String, Object> got = map(server.get(DATASETS + "/" + name, reviewer).json().get("dataset"));
        assertEquals("eve", got.get("owner"));
        assertEquals("test data", got.get("description"));
        assertEquals(0, got.get("version_count"));

        TestResponse patched = server.send("PATCH", DATASETS + "/" + name, "{\"owner\":\"growth-team\"}", "application/json", engineer);
        assertEquals(200, patched.status(), patched.toString());
        assertEquals("growth-team", map(patched.json().get("dataset")).get("owner"));

        List<Object> found = list(server.get(DATASETS + "?name_contains=" + name, reviewer).json().get("datasets"));
        assertEquals(1, found.size());
        assertEquals(404, server.get(DATASETS + "/" + unique("missing"), reviewer).status());
    }

    @Test
    void uploadIsACommitWhoseDigestIsTheGitBlobId() throws Exception {
        String name = createDataset(engineer);
        String v1Csv = csv(50, 0);
        byte[] v1Bytes = v1Csv.getBytes(StandardCharsets.UTF_8);
        TestResponse first = uploadCsv(name, v1Csv);
        assertEquals(201, first.status(), first.toString());
        Map<String, Object> v1 = version(first);
        assertEquals(true, first.json().get("created"));
        assertEquals(gitBlobId(v1Bytes), v1.get("digest"));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(v1Bytes)), v1.get("sha256"));
        assertEquals(1, v1.get("version"));
        assertEquals("eve", v1.get("author"));
        assertEquals(50, v1.get("rows"));
        assertEquals(5, v1.get("columns"));
        assertEquals(v1Bytes.length, ((Number) v1.get("size_bytes")).intValue());

        String commitId = (String) v1.get("id");
        try (Repository repo = ballastRepository(); RevWalk walk = new RevWalk(repo)) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(commitId));
            assertEquals("eve", commit.getAuthorIdent().getName());
            assertEquals(commitId, repo.exactRef("refs/heads/datasets/" + name).getObjectId().name());
            try (TreeWalk tree = TreeWalk.forPath(repo, name + ".csv", commit.getTree())) {
                assertNotNull(tree);
                assertEquals(v1.get("digest"), tree.getObjectId(0).name());
                assertArrayEquals(v1Bytes, repo.open(tree.getObjectId(0)).getBytes());
            }
            // JGit's own hashing of the same bytes agrees.
            assertEquals(v1.get("digest"), new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, v1Bytes).name());
        }
        plainGitAgrees(v1Bytes, commitId, (String) v1.get("digest"));

        TestResponse again = uploadCsv(name, v1Csv);
        assertEquals(200, again.status(), again.toString());
        assertEquals(false, again.json().get("created"));
        assertTrue(((String) again.json().get("note")).contains("no commit"));
        assertEquals(commitId, version(again).get("id"));

        String v2Csv = csv(40, 20);
        TestResponse second = upload(name, v2Csv.getBytes(StandardCharsets.UTF_8), null, "format=csv&message=Shifted%20window", engineer);
        assertEquals(201, second.status(), second.toString());
        Map<String, Object> v2 = version(second);
        assertEquals(2, v2.get("version"));
        assertEquals(commitId, v2.get("parent"));
        assertEquals("Shifted window", v2.get("message"));

        List<Object> versions = list(server.get(DATASETS + "/" + name + "/versions", reviewer).json().get("versions"));
        assertEquals(2, versions.size());
        assertEquals(v2.get("id"), map(versions.get(0)).get("id"));
        assertFalse(map(versions.get(0)).containsKey("profile"), "listings leave the profile out");

        assertArrayEquals(v1Bytes, download(DATASETS + "/" + name + "/versions/1/content"));
        assertArrayEquals(v2Csv.getBytes(StandardCharsets.UTF_8), download(DATASETS + "/" + name + "/versions/" + v2.get("id") + "/content"));
        assertArrayEquals(v1Bytes, download(DATASETS + "/" + name + "/versions/" + commitId.substring(0, 10) + "/content"));

        Map<String, Object> latest = version(server.get(DATASETS + "/" + name + "/versions/latest", reviewer));
        assertEquals(v2.get("id"), latest.get("id"));
        assertEquals(404, server.get(DATASETS + "/" + name + "/versions/9", reviewer).status());
    }

    /** When git is installed, the commands the README shows print the same ids. */
    private static void plainGitAgrees(byte[] content, String commitId, String digest) throws Exception {
        Path file = Files.createTempFile("dataset", ".csv");
        try {
            Files.write(file, content);
            String hashObject = run("git", "hash-object", file.toString());
            if (hashObject == null) {
                return;
            }
            assertEquals(digest, hashObject.trim());
            String gitDir = server.home().resolve("datasets/repo.git").toString();
            String tree = run("git", "--git-dir=" + gitDir, "ls-tree", commitId);
            assertTrue(tree != null && tree.contains(digest), tree);
            assertEquals(new String(content, StandardCharsets.UTF_8), run("git", "--git-dir=" + gitDir, "cat-file", "-p", digest));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String run(String... command) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            return null;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    @Test
    void profileDescribesEveryColumn() throws Exception {
        String name = createDataset(engineer);
        String content = "x,y,label,flag\n1,2.5,a,true\n2,,b,false\n3,4.5,a,true\n4,6.5,,true\n";
        Map<String, Object> v = version(uploadCsv(name, content));
        Map<String, Object> profile = map(version(server.get(DATASETS + "/" + name + "/versions/1", reviewer)).get("profile"));
        assertEquals(4, profile.get("rows"));
        List<Object> columns = list(profile.get("columns"));
        Map<String, Object> x = map(columns.get(0));
        assertEquals("INTEGER", x.get("type"));
        Map<String, Object> xs = map(x.get("numeric"));
        assertEquals(2.5, ((Number) xs.get("mean")).doubleValue(), 1e-12);
        assertEquals(1.0, ((Number) xs.get("min")).doubleValue());
        assertEquals(4.0, ((Number) xs.get("max")).doubleValue());
        assertEquals(2.5, ((Number) map(xs.get("quantiles")).get("p50")).doubleValue(), 1e-12);
        assertNotNull(map(xs.get("histogram")).get("counts"));
        Map<String, Object> y = map(columns.get(1));
        assertEquals("DOUBLE", y.get("type"));
        assertEquals(1, y.get("missing"));
        Map<String, Object> label = map(columns.get(2));
        assertEquals("STRING", label.get("type"));
        assertEquals(2, map(label.get("categorical")).get("distinct"));
        assertEquals("BOOLEAN", map(columns.get(3)).get("type"));
        assertEquals(4, v.get("columns"));

        // The drift monitor's reference sample: the column's values, sorted, rebuilt from git if the cache is gone.
        DatasetService datasets = server.context().getBean(DatasetService.class);
        try (SortedColumn y2 = datasets.referenceSample(name, "1", "y")) {
            assertArrayEquals(new double[] {2.5, 4.5, 6.5}, y2.readAll());
        }
        deleteTree(server.home().resolve("datasets/derived/" + v.get("digest")));
        try (SortedColumn x2 = datasets.referenceSample(name, "latest", "x")) {
            assertArrayEquals(new double[] {1, 2, 3, 4}, x2.readAll());
        }
    }

    @Test
    void jsonLinesVersionsAndDiff() throws Exception {
        String name = createDataset(engineer);
        String v1 = "{\"user\":\"a\",\"followers\":100}\n{\"user\":\"b\",\"followers\":200}\n{\"user\":\"c\",\"followers\":300}\n";
        String v2 = "{\"user\":\"a\",\"followers\":100}\n{\"user\":\"c\",\"followers\":300}\n{\"user\":\"d\",\"followers\":900,\"verified\":true}\n"
                + "{\"user\":\"e\",\"followers\":1000}\n";
        TestResponse first = upload(name, v1.getBytes(StandardCharsets.UTF_8), "application/x-ndjson", null, engineer);
        assertEquals(201, first.status(), first.toString());
        assertEquals("jsonl", version(first).get("format"));
        // Format of the current version is kept when the request names none.
        TestResponse second = upload(name, v2.getBytes(StandardCharsets.UTF_8), "application/octet-stream", null, engineer);
        assertEquals(201, second.status(), second.toString());
        assertEquals("jsonl", version(second).get("format"));
        assertArrayEquals(v2.getBytes(StandardCharsets.UTF_8), download(DATASETS + "/" + name + "/versions/2/content"));

        TestResponse diff = server.get(DATASETS + "/" + name + "/diff?from=1&to=2", reviewer);
        assertEquals(200, diff.status(), diff.toString());
        String body = diff.body();
        Map<String, Object> rows = map(diff.json().get("rows"));
        assertEquals(2, ((Number) firstOf(rows, "added")).intValue(), body);
        assertEquals(1, ((Number) firstOf(rows, "removed")).intValue(), body);
        assertEquals(2, ((Number) firstOf(rows, "unchanged")).intValue(), body);
        Map<String, Object> schema = map(diff.json().get("schema"));
        assertEquals(List.of("verified"), schema.get("added_columns"), body);
        assertTrue(body.contains("followers"), body);
    }

    private static Object firstOf(Map<String, Object> m, String... keys) {
        for (String k : keys) {
            if (m.containsKey(k)) {
                return m.get(k);
            }
        }
        throw new AssertionError("none of " + List.of(keys) + " in " + m);
    }

    @Test
    void diffReportsRowAndStatisticChanges() {
        String name = createDataset(engineer);
        uploadCsv(name, "a,b\n1,x\n2,y\n3,z\n");
        uploadCsv(name, "a,b,c\n1,x,7\n3,z,8\n4,w,9\n5,v,1\n");
        TestResponse diff = server.get(DATASETS + "/" + name + "/diff?from=v1&to=v2", reviewer);
        assertEquals(200, diff.status(), diff.toString());
        assertTrue(diff.body().contains("\"c\""), diff.body());
        assertEquals(400, server.get(DATASETS + "/" + name + "/diff?from=1", reviewer).status());
        assertEquals(404, server.get(DATASETS + "/" + name + "/diff?from=1&to=7", reviewer).status());
    }

    // ---------------------------------------------------------------- external import

    @Test
    void importsAFileFromAnExternalRepositoryWithItsProvenance() throws Exception {
        Path work = Files.createTempDirectory("external-repo");
        String content1 = csv(10, 1);
        String content2 = csv(12, 5);
        String firstCommit;
        try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
            Files.createDirectories(work.resolve("data"));
            Files.writeString(work.resolve("data/train.csv"), content1);
            git.add().addFilepattern("data/train.csv").call();
            firstCommit = git.commit().setMessage("first data").setAuthor("Ana", "ana@example.com")
                    .setCommitter("Ana", "ana@example.com").setSign(false).call().name();
            Files.writeString(work.resolve("data/train.csv"), content2);
            git.add().addFilepattern("data/train.csv").call();
            git.commit().setMessage("more data").setAuthor("Ana", "ana@example.com").setCommitter("Ana", "ana@example.com")
                    .setSign(false).call();
        }
        String name = createDataset(engineer);
        TestResponse byCommit = server.postJson(DATASETS + "/" + name + "/versions/import", "{\"repository\":\""
                + work.toUri() + "\",\"ref\":\"" + firstCommit + "\",\"path\":\"data/train.csv\"}", engineer);
        assertEquals(201, byCommit.status(), byCommit.toString());
        Map<String, Object> v1 = version(byCommit);
        assertEquals(gitBlobId(content1.getBytes(StandardCharsets.UTF_8)), v1.get("digest"));
        Map<String, Object> source = map(v1.get("source"));
        assertEquals("git", source.get("type"));
        assertEquals(firstCommit, source.get("commit"));
        assertEquals("data/train.csv", source.get("path"));

        TestResponse byBranch = server.postJson(DATASETS + "/" + name + "/versions/import", "{\"repository\":\""
                + work + "\",\"ref\":\"main\",\"path\":\"data/train.csv\",\"message\":\"from main\"}", engineer);
        assertEquals(201, byBranch.status(), byBranch.toString());
        Map<String, Object> v2 = version(byBranch);
        assertEquals(gitBlobId(content2.getBytes(StandardCharsets.UTF_8)), v2.get("digest"));
        assertEquals("main", map(v2.get("source")).get("ref"));
        assertArrayEquals(content2.getBytes(StandardCharsets.UTF_8), download(DATASETS + "/" + name + "/versions/2/content"));

        TestResponse remote = server.postJson(DATASETS + "/" + name + "/versions/import",
                "{\"repository\":\"https://example.com/x.git\",\"path\":\"a.csv\"}", engineer);
        assertEquals(400, remote.status(), remote.toString());
        TestResponse missingFile = server.postJson(DATASETS + "/" + name + "/versions/import", "{\"repository\":\""
                + work + "\",\"ref\":\"main\",\"path\":\"data/nope.csv\"}", engineer);
        assertEquals(404, missingFile.status(), missingFile.toString());
        TestResponse missingRef = server.postJson(DATASETS + "/" + name + "/versions/import", "{\"repository\":\""
                + work + "\",\"ref\":\"no-such-branch\",\"path\":\"data/train.csv\"}", engineer);
        assertEquals(404, missingRef.status(), missingRef.toString());
    }

    // ---------------------------------------------------------------- verify

    @Test
    void verifyRecomputesTheDigestAndDetectsTampering() throws Exception {
        String name = createDataset(engineer);
        Map<String, Object> v = version(uploadCsv(name, csv(30, 3)));
        TestResponse ok = server.postJson(DATASETS + "/" + name + "/versions/1/verify", "", reviewer);
        assertEquals(200, ok.status(), ok.toString());
        assertEquals(true, ok.json().get("ok"), ok.body());
        assertEquals(v.get("digest"), ok.json().get("recomputed_digest"));

        // Replace the stored blob with other content, kept under the same object name.
        String digest = (String) v.get("digest");
        Path object = server.home().resolve("datasets/repo.git/objects/" + digest.substring(0, 2) + "/" + digest.substring(2));
        byte[] forged = "id,city\n1,forged\n".getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream deflated = new java.io.ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(deflated, new Deflater(1))) {
            out.write(("blob " + forged.length + "\0").getBytes(StandardCharsets.US_ASCII));
            out.write(forged);
        }
        object.toFile().setWritable(true);
        Files.write(object, deflated.toByteArray());

        TestResponse tampered = server.postJson(DATASETS + "/" + name + "/versions/1/verify", "", reviewer);
        assertEquals(200, tampered.status(), tampered.toString());
        assertEquals(false, tampered.json().get("ok"), tampered.body());
        assertEquals(gitBlobId(forged), tampered.json().get("recomputed_digest"));
    }

    // ---------------------------------------------------------------- lineage

    private static String createRun() {
        TestResponse exp = server.postJson(MLFLOW + "/experiments/create", "{\"name\":\"" + unique("exp") + "\"}", engineer);
        String experimentId = (String) exp.json().get("experiment_id");
        TestResponse run = server.postJson(MLFLOW + "/runs/create", "{\"experiment_id\":\"" + experimentId + "\"}", engineer);
        assertEquals(200, run.status(), run.toString());
        return (String) map(map(run.json().get("run")).get("info")).get("run_id");
    }

    @Test
    void lineageRunsBothWaysAndFeedsTheMlflowDatasetFilters() {
        String name = createDataset(engineer);
        Map<String, Object> v1 = version(uploadCsv(name, csv(20, 0)));
        Map<String, Object> v2 = version(uploadCsv(name, csv(25, 7)));
        String trainingRun = createRun();
        String otherRun = createRun();

        TestResponse linked = server.postJson("/api/v1/runs/" + trainingRun + "/inputs",
                "{\"dataset\":\"" + name + "\",\"version\":\"1\",\"context\":\"training\"}", engineer);
        assertEquals(201, linked.status(), linked.toString());
        assertEquals(v1.get("id"), map(map(linked.json().get("input")).get("version")).get("id"));

        // An MLflow client logging the blob digest with a git source links too.
        String source = "{\\\"repository\\\":\\\"elsewhere\\\",\\\"commit\\\":\\\"" + v2.get("id") + "\\\",\\\"path\\\":\\\"x.csv\\\"}";
        TestResponse logInputs = server.postJson(MLFLOW + "/runs/log-inputs", "{\"run_id\":\"" + otherRun + "\",\"datasets\":[{"
                + "\"tags\":[{\"key\":\"mlflow.data.context\",\"value\":\"validation\"}],\"dataset\":{\"name\":\"" + name
                + "\",\"digest\":\"" + v2.get("digest") + "\",\"source_type\":\"git\",\"source\":\"" + source + "\"}}]}", engineer);
        assertEquals(200, logInputs.status(), logInputs.toString());

        Map<String, Object> down = server.get(DATASETS + "/" + name + "/versions/1/lineage", reviewer).json();
        List<Object> runs = list(down.get("runs"));
        assertEquals(1, runs.size(), down.toString());
        assertEquals(trainingRun, map(runs.get(0)).get("run_id"));
        assertEquals("training", map(runs.get(0)).get("context"));
        assertEquals(List.of(), down.get("model_versions"));
        List<Object> v2Runs = list(server.get(DATASETS + "/" + name + "/versions/2/lineage", reviewer).json().get("runs"));
        assertEquals(otherRun, map(v2Runs.get(0)).get("run_id"));

        Map<String, Object> up = server.get("/api/v1/runs/" + trainingRun + "/lineage", reviewer).json();
        Map<String, Object> input = map(list(up.get("inputs")).get(0));
        assertEquals(v1.get("digest"), input.get("digest"));
        assertEquals(1, map(input.get("version")).get("version"));

        // The MLflow view of the run shows the dataset input; the search grammar filters on it.
        TestResponse mlflowRun = server.get(MLFLOW + "/runs/get?run_id=" + trainingRun, reviewer);
        assertTrue(mlflowRun.body().contains((String) v1.get("digest")), mlflowRun.body());
        assertEquals(List.of(trainingRun), searchRuns("dataset.digest = '" + v1.get("digest") + "'"));
        assertEquals(List.of(otherRun), searchRuns("dataset.name = '" + name + "' AND dataset.context = 'validation'"));

        assertEquals(404, server.get("/api/v1/lineage/model-versions/no-model/1", reviewer).status());
        assertEquals(404, server.postJson("/api/v1/runs/" + trainingRun + "/inputs",
                "{\"dataset\":\"" + name + "\",\"version\":\"42\"}", engineer).status());
    }

    private static List<String> searchRuns(String filter) {
        String body = "{\"experiment_ids\":[" + experimentIdsJson() + "],\"filter\":\"" + filter.replace("\"", "\\\"") + "\"}";
        TestResponse r = server.postJson(MLFLOW + "/runs/search", body, reviewer);
        assertEquals(200, r.status(), r.toString());
        List<String> ids = new ArrayList<>();
        Object runs = r.json().get("runs");
        if (runs != null) {
            for (Object run : list(runs)) {
                ids.add((String) map(map(run).get("info")).get("run_id"));
            }
        }
        return ids;
    }

    private static String experimentIdsJson() {
        TestResponse r = server.postJson(MLFLOW + "/experiments/search", "{\"max_results\":1000}", reviewer);
        List<String> ids = new ArrayList<>();
        for (Object e : list(r.json().get("experiments"))) {
            ids.add("\"" + map(e).get("experiment_id") + "\"");
        }
        return String.join(",", ids);
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void malformedContentIsRefusedWithItsLineAndLeavesNoCommit() throws Exception {
        String name = createDataset(engineer);
        Map<String, Object> v1 = version(uploadCsv(name, "a,b\n1,2\n"));
        assertRefused(name, "a,b\n1,2\n3\n".getBytes(StandardCharsets.UTF_8), "line 3");
        assertRefused(name, "a,b\n1,2\n3,\"x\"y\n".getBytes(StandardCharsets.UTF_8), "line 3");
        assertRefused(name, "a,b\n1,2\n3,\"never closed\n4,5\n".getBytes(StandardCharsets.UTF_8), "line 3");
        byte[] badUtf8 = "a,b\n1,2\n3,x\n4,y\n".getBytes(StandardCharsets.UTF_8);
        badUtf8[badUtf8.length - 2] = (byte) 0xff;
        assertRefused(name, badUtf8, "line 4");
        assertRefused(name, new byte[0], "line 1");
        TestResponse badJson = upload(name, "{\"a\":1}\n{\"a\":\n".getBytes(StandardCharsets.UTF_8), null, "format=jsonl", engineer);
        assertEquals(400, badJson.status(), badJson.toString());
        assertTrue(badJson.body().contains("line 2"), badJson.body());
        assertEquals(400, upload(name, "a\n1\n".getBytes(StandardCharsets.UTF_8), null, "format=parquet", engineer).status());

        List<Object> versions = list(server.get(DATASETS + "/" + name + "/versions", reviewer).json().get("versions"));
        assertEquals(1, versions.size());
        try (Repository repo = ballastRepository()) {
            assertEquals(v1.get("id"), repo.exactRef("refs/heads/datasets/" + name).getObjectId().name());
        }
        try (var scratch = Files.list(server.home().resolve("datasets/tmp"))) {
            assertEquals(0, scratch.count(), "refused uploads leave no scratch files");
        }
    }

    private static void assertRefused(String name, byte[] content, String line) {
        TestResponse r = upload(name, content, "text/csv", null, engineer);
        assertEquals(400, r.status(), r.toString());
        assertEquals("INVALID_PARAMETER_VALUE", r.errorCode());
        assertTrue(r.body().contains(line), r.body());
    }

    @Test
    void contentOverTheLimitIs413WithOrWithoutALength() {
        String name = createDataset(engineer);
        byte[] big = csv(20_000, 0).getBytes(StandardCharsets.UTF_8);
        assertTrue(big.length > 256 * 1024);
        TestResponse declared = upload(name, big, "text/csv", null, engineer);
        assertEquals(413, declared.status(), declared.toString());
        assertEquals("REQUEST_TOO_LARGE", declared.errorCode());

        HttpRequest chunked = HttpRequest.newBuilder(server.uri(DATASETS + "/" + name + "/versions"))
                .header("Authorization", engineer).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();
        TestResponse streamed = send(chunked);
        assertEquals(413, streamed.status(), streamed.toString());
        assertEquals("REQUEST_TOO_LARGE", streamed.errorCode());
        assertEquals(0, list(server.get(DATASETS + "/" + name + "/versions", reviewer).json().get("versions")).size());
    }

    // ---------------------------------------------------------------- concurrency

    @Test
    void concurrentUploadsBecomeSeparateCommitsAndNothingIsLost() throws Exception {
        String name = createDataset(engineer);
        int writers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<TestResponse>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String content = csv(200 + i, i * 1000);
                results.add(pool.submit((Callable<TestResponse>) () -> uploadCsv(name, content)));
            }
            List<String> digests = new ArrayList<>();
            for (Future<TestResponse> f : results) {
                TestResponse r = f.get();
                assertEquals(201, r.status(), r.toString());
                digests.add((String) version(r).get("digest"));
            }
            List<Object> versions = list(server.get(DATASETS + "/" + name + "/versions", reviewer).json().get("versions"));
            assertEquals(writers, versions.size());
            try (Repository repo = ballastRepository(); RevWalk walk = new RevWalk(repo)) {
                RevCommit c = walk.parseCommit(repo.exactRef("refs/heads/datasets/" + name).getObjectId());
                List<String> history = new ArrayList<>();
                while (true) {
                    try (TreeWalk tree = TreeWalk.forPath(repo, name + ".csv", c.getTree())) {
                        history.add(tree.getObjectId(0).name());
                    }
                    if (c.getParentCount() == 0) {
                        break;
                    }
                    c = walk.parseCommit(c.getParent(0));
                }
                assertEquals(writers, history.size());
                assertTrue(history.containsAll(digests));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- recovery

    @Test
    void aCommitThatWasNeverIndexedIsRecoveredAtStart() throws Exception {
        String name = createDataset(engineer);
        Map<String, Object> v1 = version(uploadCsv(name, csv(10, 0)));
        String orphanContent = csv(15, 100);
        String orphan;
        // What a crash between moving the branch and writing the database row leaves behind.
        try (Repository repo = ballastRepository(); ObjectInserter inserter = repo.newObjectInserter()) {
            ObjectId blob = inserter.insert(Constants.OBJ_BLOB, orphanContent.getBytes(StandardCharsets.UTF_8));
            TreeFormatter tree = new TreeFormatter();
            tree.append(name + ".csv", FileMode.REGULAR_FILE, blob);
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(inserter.insert(tree));
            commit.setParentId(ObjectId.fromString((String) v1.get("id")));
            commit.setAuthor(new PersonIdent("eve", "eve@ballast"));
            commit.setCommitter(new PersonIdent("Ballast", "ballast@localhost"));
            commit.setMessage("Added March\n");
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            RefUpdate update = repo.updateRef("refs/heads/datasets/" + name);
            update.setExpectedOldObjectId(ObjectId.fromString((String) v1.get("id")));
            update.setNewObjectId(id);
            assertEquals(RefUpdate.Result.FAST_FORWARD, update.update());
            orphan = id.name();
        }
        server.restart();

        List<Object> versions = list(server.get(DATASETS + "/" + name + "/versions", reviewer).json().get("versions"));
        assertEquals(2, versions.size(), versions.toString());
        Map<String, Object> recovered = map(versions.get(0));
        assertEquals(orphan, recovered.get("id"));
        assertEquals(true, recovered.get("recovered"));
        assertEquals("eve", recovered.get("author"));
        assertEquals("Added March", recovered.get("message"));
        assertEquals(15, recovered.get("rows"));
        assertEquals(gitBlobId(orphanContent.getBytes(StandardCharsets.UTF_8)), recovered.get("digest"));
        assertNotEquals(null, map(version(server.get(DATASETS + "/" + name + "/versions/2", reviewer)).get("profile")));
    }
}
