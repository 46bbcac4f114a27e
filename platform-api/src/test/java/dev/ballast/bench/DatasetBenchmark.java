package dev.ballast.bench;

import dev.ballast.platform.testing.BallastTestServer;
import dev.ballast.tracking.app.dataset.DatasetService;
import dev.ballast.tracking.domain.dataset.scan.DatasetFormat;
import dev.ballast.tracking.domain.dataset.scan.DatasetScanner;
import dev.ballast.tracking.domain.dataset.scan.ScanSettings;
import dev.ballast.core.storage.DataLayout;
import dev.ballast.tracking.store.dataset.GitDatasetRepository;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The dataset upload benchmark ({@code bench/datasets.sh}): a 200 MB influencer CSV uploaded
 * through the HTTP API (stream to disk, parse, validate, profile, git blob and commit, database
 * row), next to the baseline measured on the same file in the same run: {@code git
 * hash-object} plus a plain streaming parse. Also reports the profile alone (the scanner without
 * HTTP or git) and the blob write alone. Each figure is the median of several runs.
 */
public final class DatasetBenchmark {
    private static final double MB = 1_000_000.0;

    private DatasetBenchmark() {
    }

    public static void main(String[] args) {
        BenchMain.exitWith(DatasetBenchmark::run);
    }

    static int run() throws Exception {
        long started = System.nanoTime();
        long targetBytes = Long.getLong("ballast.bench.datasets.mb", 200) * 1_000_000L;
        int repetitions = Integer.getInteger("ballast.bench.datasets.runs", 5);
        Path report = Path.of(System.getProperty("ballast.bench.report",
                System.getenv().getOrDefault("BALLAST_BENCH_REPORT", "BENCHMARKS.md"))).toAbsolutePath();
        Optional<MachineInfo> probed = MachineInfo.ofBenchDatabase("bench/datasets.sh");
        if (probed.isEmpty()) {
            return 2;
        }
        MachineInfo machine = probed.get();

        Path dataDir = Files.createDirectories(Path.of("target", "bench-data").toAbsolutePath());
        Path csv = dataDir.resolve("influencers-" + targetBytes / 1_000_000 + "MB.csv");
        if (!Files.exists(csv) || Files.size(csv) < targetBytes) {
            Progress.log("writing " + csv);
            InfluencerCsv.write(csv, targetBytes, 42);
        }
        long size = Files.size(csv);
        Progress.log(String.format(Locale.ROOT, "dataset %s: %.1f MB", csv.getFileName(), size / MB));

        long[] gitTimes = new long[repetitions];
        long[] parseTimes = new long[repetitions];
        String gitDigest = command("git", "hash-object", csv.toString()).trim();
        // Warm runs only: one untimed run first, so the JIT compiles the baseline's loop too.
        PlainCsvScan.scan(csv);
        long[] profileTimes = new long[repetitions];
        for (int i = -1; i < repetitions; i++) {
            Path work = Files.createTempDirectory(dataDir, "scan");
            long t0 = System.nanoTime();
            try (InputStream in = Files.newInputStream(csv)) {
                new DatasetScanner(DatasetFormat.CSV, work, ScanSettings.defaults()).scan(in, () -> Files.newInputStream(csv));
            }
            if (i >= 0) {
                profileTimes[i] = System.nanoTime() - t0;
            }
            deleteTree(work);
        }
        long[] blobTimes = new long[repetitions];
        for (int i = 0; i < repetitions; i++) {
            Path home = Files.createTempDirectory(dataDir, "home");
            GitDatasetRepository repository = new GitDatasetRepository(new DataLayout(home.toString(), "", ""), 0);
            long t0 = System.nanoTime();
            try (InputStream in = Files.newInputStream(csv)) {
                repository.insertBlob(in, size);
            }
            blobTimes[i] = System.nanoTime() - t0;
            repository.close();
            deleteTree(home);
        }
        Progress.log("profile and blob write measured; starting Ballast");

        // The client that sends the file shares the 2 cores with Ballast: curl (what the README shows) costs it less CPU
        // than Java's HttpClient; -Dballast.bench.datasets.client=java uses the latter.
        boolean useCurl = !"java".equals(System.getProperty("ballast.bench.datasets.client")) && commandExists("curl");
        System.setProperty("ballast.test.database", "postgres");
        long[] uploadTimes = new long[repetitions];
        long[] derivedTimes = new long[repetitions];
        // processor time of this JVM (Ballast and the benchmark's idle client side): robust to other load on the machine
        long[] uploadCpu = new long[repetitions];
        long[] derivedCpu = new long[repetitions];
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        String uploadedDigest;
        try (BallastTestServer server = BallastTestServer.start(Map.of())) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            String auth = server.adminAuth();
            uploadedDigest = null;
            // One warm-up upload (JIT), then the timed ones, each to a new dataset so each makes a commit. Each timed
            // upload follows a timing of the baseline, so that drifts in the VM's speed hit both sides alike.
            // Ballast sorts a version's derived files after answering; every upload here has the same content, so
            // the files of the previous one are deleted first (each upload does that work, as new content would), and
            // the next timing waits until they are written (so the background sort never overlaps a timing).
            DatasetService datasets = server.context().getBean(DatasetService.class);
            Path derivedDir = server.home().resolve("datasets").resolve("derived").resolve(gitDigest);
            for (int i = -1; i < repetitions; i++) {
                deleteTree(derivedDir);
                if (i >= 0) {
                    long t0 = System.nanoTime();
                    command("git", "hash-object", csv.toString());
                    gitTimes[i] = System.nanoTime() - t0;
                    t0 = System.nanoTime();
                    PlainCsvScan.scan(csv);
                    parseTimes[i] = System.nanoTime() - t0;
                }
                String name = "influencers-" + (i + 1);
                server.postJson("/api/v1/datasets", "{\"name\":\"" + name + "\"}", auth);
                String url = server.uri("/api/v1/datasets/" + name + "/versions").toString();
                long c0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                String[] answer = useCurl ? curlUpload(url, auth, csv, dataDir) : javaUpload(http, url, auth, csv);
                long took = System.nanoTime() - t0;
                long c1 = os.getProcessCpuTime();
                if (!"201".equals(answer[0])) {
                    throw new IllegalStateException("upload answered " + answer[0] + ": " + answer[1]);
                }
                uploadedDigest = answer[1].replaceAll("(?s).*\"digest\":\"([0-9a-f]{40})\".*", "$1");
                // untimed for the upload: wait for the background sort of the derived files
                datasets.derived(datasets.version(name, "latest"));
                long derivedAfter = System.nanoTime() - t0 - took;
                if (!Files.isDirectory(derivedDir)) {
                    throw new IllegalStateException("no derived data in " + derivedDir + " after the upload");
                }
                if (i >= 0) {
                    uploadTimes[i] = took;
                    derivedTimes[i] = derivedAfter;
                    uploadCpu[i] = c1 - c0;
                    derivedCpu[i] = os.getProcessCpuTime() - c1;
                }
                Progress.log(String.format(Locale.ROOT, "upload %d: %.2f s (derived files %.2f s later)", i + 1, took / 1e9,
                        derivedAfter / 1e9));
            }
        }
        if (!uploadedDigest.equals(gitDigest)) {
            throw new IllegalStateException("Ballast's digest " + uploadedDigest + " differs from git hash-object " + gitDigest);
        }

        long git = median(gitTimes);
        long parse = median(parseTimes);
        long baseline = git + parse;
        long upload = median(uploadTimes);
        long profile = median(profileTimes);
        long blob = median(blobTimes);
        double uploadRate = size / MB / (upload / 1e9);
        double baselineRate = size / MB / (baseline / 1e9);
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure(String.format(Locale.ROOT, "Upload %.0f MB CSV (HTTP, parse, profile, git commit)", size / MB),
                mbs(uploadRate) + " (" + seconds(upload) + ")", mbs(baselineRate) + " (" + seconds(baseline) + ")",
                Fmt.shareOf(uploadRate, baselineRate), ">= 50% of git hash-object + streaming parse",
                Figure.Verdict.of(uploadRate >= 0.5 * baselineRate)));
        figures.add(Figure.info("  git hash-object (baseline part)", "-", mbs(size / MB / (git / 1e9)) + " (" + seconds(git) + ")", "-"));
        figures.add(Figure.info("  plain streaming CSV parse (baseline part)", "-", mbs(size / MB / (parse / 1e9)) + " (" + seconds(parse) + ")", "-"));
        figures.add(Figure.info("  derived files sorted after the answer (background, not in the upload time)",
                "+" + seconds(median(derivedTimes)), "-", "-"));
        figures.add(Figure.info("  processor time of the Ballast JVM per upload (all threads): to the answer, then background",
                seconds(median(uploadCpu)) + " + " + seconds(median(derivedCpu)), "-", "-"));
        figures.add(Figure.info("Profile alone (validate, types, stats, sorted columns, row hashes)", seconds(profile)
                + " (" + mbs(size / MB / (profile / 1e9)) + ")", "-", "-"));
        figures.add(Figure.info("Blob write alone (git object SHA-1 + content SHA-256, stored)", seconds(blob) + " (" + mbs(size / MB / (blob / 1e9)) + ")",
                seconds(git) + " (git hash-object)", Fmt.timesOf(blob, git)));

        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        List<String> sizes = List.of(String.format(Locale.ROOT, "Dataset upload: %.1f MB influencer CSV (13 columns), median of %d runs "
                + "each; whole benchmark %.1f min.", size / MB, repetitions, (System.nanoTime() - started) / 60e9));
        List<String> notes = List.of("The upload is timed by the client (" + (useCurl ? "curl -T" : "Java's HttpClient")
                + ") from the first byte sent to the 201 answer: Ballast streams "
                + "the body to a scratch file, parses and profiles it on threads that follow the file (the columns on two), stores it as "
                + "a git blob on another while it arrives, commits, and writes the database row; the derived files (sorted columns, row "
                + "hashes) are sorted after the answer on a background thread, and the next timing starts once they are written. "
                + "Profile alone is the whole scan including those files. Baselines and the profile are timed warm (after "
                + "one untimed run); each timed upload follows a timing of the baseline, alternating. Client, Ballast and git share the machine's " + machine.cpus()
                + " cores. MB = 10^6 bytes.");
        System.out.println();
        System.out.println("Ballast dataset upload, " + date);
        System.out.print(Report.table(figures));
        Report.append(report, Report.markdownSection(date, machine, sizes, figures, notes));
        Progress.log("appended the results to " + report);
        return 0;
    }

    /** Uploads with curl (streamed from the file, Content-Length set); answers {status, body}. */
    private static String[] curlUpload(String url, String auth, Path csv, Path dir) throws IOException, InterruptedException {
        Path body = Files.createTempFile(dir, "answer", ".json");
        try {
            String status = command("curl", "-sS", "-o", body.toString(), "-w", "%{http_code}", "-X", "POST", "-T", csv.toString(),
                    "-H", "Authorization: " + auth, "-H", "Content-Type: text/csv", "-H", "Expect:", url).trim();
            return new String[] {status, Files.readString(body)};
        } finally {
            Files.deleteIfExists(body);
        }
    }

    private static String[] javaUpload(HttpClient http, String url, String auth, Path csv) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Authorization", auth).header("Content-Type", "text/csv").timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofFile(csv)).build(), HttpResponse.BodyHandlers.ofString());
        return new String[] {Integer.toString(r.statusCode()), r.body()};
    }

    private static boolean commandExists(String name) {
        try {
            return new ProcessBuilder(name, "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String mbs(double rate) {
        return String.format(Locale.ROOT, "%.0f MB/s", rate);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    private static String command(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
