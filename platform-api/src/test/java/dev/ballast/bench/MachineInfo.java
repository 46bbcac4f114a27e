package dev.ballast.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the figures were measured on. Benchmark figures mean little without the machine, the
 * JVM, the PostgreSQL version and the PostgreSQL settings that dominate write speed
 * ({@code synchronous_commit}, {@code fsync}), so every report section starts with them.
 */
public record MachineInfo(int cpus, String cpuModel, String memory, String java, String os, String postgres,
                          String postgresSettings, String commit) {

    /**
     * Describes this machine and the PostgreSQL server the benchmarks run against (named by
     * {@code BALLAST_TEST_POSTGRES_URL}, {@code _USER}, {@code _PASSWORD}, which the bench scripts
     * set); empty, after saying why on stderr, when it is not set or does not answer.
     */
    static Optional<MachineInfo> ofBenchDatabase(String script) {
        String url = System.getenv("BALLAST_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            System.err.println("[bench] BALLAST_TEST_POSTGRES_URL is not set; run the benchmark with " + script
                    + " (it sets it from BALLAST_BENCH_POSTGRES_URL, default jdbc:postgresql://127.0.0.1:5432/postgres).");
            return Optional.empty();
        }
        String user = System.getenv().getOrDefault("BALLAST_TEST_POSTGRES_USER", "postgres");
        DriverManager.setLoginTimeout(10);
        try (Connection c = DriverManager.getConnection(url, user, System.getenv().getOrDefault("BALLAST_TEST_POSTGRES_PASSWORD", ""))) {
            return Optional.of(collect(c));
        } catch (SQLException e) {
            System.err.println("[bench] PostgreSQL is unreachable at " + url + " as " + user + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    public static MachineInfo collect(Connection postgres) throws SQLException {
        String version;
        List<String> settings = new ArrayList<>();
        try (Statement s = postgres.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT version()")) {
                rs.next();
                version = rs.getString(1);
            }
            for (String name : List.of("shared_buffers", "work_mem", "synchronous_commit", "fsync", "max_wal_size")) {
                try (ResultSet rs = s.executeQuery("SHOW " + name)) {
                    rs.next();
                    settings.add(name + "=" + rs.getString(1));
                }
            }
        }
        MachineInfo local = collectLocal(version);
        return new MachineInfo(local.cpus(), local.cpuModel(), local.memory(), local.java(), local.os(), version,
                String.join(", ", settings), local.commit());
    }

    /** The machine without a PostgreSQL server (a benchmark on Ballast's embedded H2). */
    public static MachineInfo withoutPostgres() {
        return collectLocal("not used (embedded H2)");
    }

    /** The 1, 5 and 15-minute load averages from /proc/loadavg: other work on the machine skews latency figures. */
    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static MachineInfo collectLocal(String postgres) {
        String java = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + ")";
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
        String commit = System.getenv("BALLAST_BENCH_COMMIT");
        if (commit == null || commit.isBlank()) {
            commit = "unknown";
        }
        return new MachineInfo(Runtime.getRuntime().availableProcessors(), procValue("/proc/cpuinfo", "model name"),
                totalMemory(), java, os, postgres, "", commit);
    }

    private static String totalMemory() {
        String kb = procValue("/proc/meminfo", "MemTotal");
        try {
            long k = Long.parseLong(kb.replace("kB", "").trim());
            return String.format(Locale.ROOT, "%.1f GiB", k / 1024.0 / 1024.0);
        } catch (NumberFormatException e) {
            return kb;
        }
    }

    /** The value of the first "name : value" line of a /proc file, or "unknown". */
    private static String procValue(String file, String name) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable
        }
        return "unknown";
    }
}
