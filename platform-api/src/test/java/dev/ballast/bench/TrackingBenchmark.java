package dev.ballast.bench;

import dev.ballast.core.testing.TestDatabase;
import dev.ballast.platform.testing.BallastTestServer;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tracking benchmark: starts a whole Ballast in-process on a fresh PostgreSQL database,
 * measures metric ingestion, run search and metric history through the MLflow API, each next to
 * a plain-JDBC baseline measured in the same run, prints the result table on stdout and appends
 * a dated section to BENCHMARKS.md. It exists so that the performance targets of the tracking
 * API are checked the same way on any machine, with one command: {@code bench/tracking.sh}.
 *
 * <p>Exit status: 0 when every benchmark ran (missed targets are reported, not failed), 2 when
 * PostgreSQL cannot be reached, 1 when a benchmark broke (an API error, or the API storing
 * something other than what it acknowledged).
 */
public final class TrackingBenchmark {
    private TrackingBenchmark() {
    }

    public static void main(String[] args) {
        BenchMain.exitWith(() -> run(BenchSettings.fromSystemProperties()));
    }

    static int run(BenchSettings settings) throws Exception {
        long started = System.nanoTime();
        Optional<MachineInfo> probed = MachineInfo.ofBenchDatabase("bench/tracking.sh");
        if (probed.isEmpty()) {
            return 2;
        }
        MachineInfo machine = probed.get();
        Progress.log("PostgreSQL: " + machine.postgres());

        BenchServer ballast = BenchServer.start();
        BallastTestServer server = ballast.server();
        List<Figure> figures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try {
            TestDatabase database = server.database();
            Progress.log("Ballast at " + server.baseUrl() + ", database " + database.url());
            BenchHttp http = new BenchHttp(server.baseUrl(), server.adminAuth());
            BenchDb db = new BenchDb(database.url(), database.user(), database.password());
            figures.addAll(new IngestBenchmark(settings, http, db, notes).run());
            figures.addAll(new SearchBenchmark(settings, http, db, notes).run());
            figures.addAll(new HistoryBenchmark(settings, http, db, notes).run());
        } finally {
            ballast.close();
        }

        double minutes = (System.nanoTime() - started) / 60e9;
        notes.add("Ballast runs in the benchmark's JVM (forked by Maven exec:exec; started by the test helper BallastTestServer "
                + "with the production configuration: connection pool of 10, HTTP Basic authentication as admin on every request). "
                + "The client, Ballast and PostgreSQL share the machine's " + machine.cpus() + " cores, and so do the baselines. "
                + "p50/p95 are nearest-rank percentiles.");
        if (!settings.fullSize()) {
            notes.add("SMOKE RUN with reduced sizes: the targets are stated for the default sizes, so these verdicts are only indicative.");
        }
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        List<String> sizes = List.of(String.format(
                "Sizes: ingestion %d clients x %d batches of %d points; search over %,d runs, %d timed requests each; history of %,d points, "
                        + "%d timed requests. Whole benchmark: %.1f min.", settings.ingestClients(), settings.ingestBatches(),
                settings.batchSize(), settings.searchRuns(), settings.searchTimed(), settings.historyPoints(), settings.historyTimed(),
                minutes));

        System.out.println();
        System.out.println("Ballast tracking API on PostgreSQL, " + date);
        System.out.print(Report.table(figures));
        System.out.flush();
        Report.append(settings.report(), Report.markdownSection(date, machine, sizes, figures, notes));
        Progress.log("appended the results to " + settings.report());
        return 0;
    }
}
