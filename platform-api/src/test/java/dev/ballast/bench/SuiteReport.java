package dev.ballast.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes BENCHMARKS.md for {@code ./ballast bench}: one block per benchmark (the dated section the benchmark wrote, or
 * why it did not finish) under a summary of every figure that has a target, next to its same-run baseline, the ratio
 * and the verdict. Each block sits between {@code <!-- bench:NAME -->} markers, so a run of some benchmarks replaces
 * only their blocks and keeps the others' last figures (each block carries its own date and commit).
 *
 * <p>The benchmarks keep writing their own sections with {@link Report}; this class only assembles them, so running a
 * single {@code bench/*.sh} by hand still works as before.
 */
public final class SuiteReport {
    /** The benchmarks {@code ./ballast bench} runs, in order: name (the script's), title, script. */
    static final List<Benchmark> BENCHMARKS = List.of(
            new Benchmark("tracking", "MLflow tracking API: log-batch ingestion, runs/search, get-history", "bench/tracking.sh"),
            new Benchmark("datasets", "Dataset versions: upload, profile and git blob of a 200 MB CSV", "bench/datasets.sh"),
            new Benchmark("serving", "Model serving: throughput and latency against FastAPI", "bench/serving.sh"),
            new Benchmark("drift", "Drift statistics: KS on 1,000,000 vs 1,000,000 points", "bench/drift.sh"),
            new Benchmark("monitor", "Drift monitor check: 50 features x 100,000 captured rows", "bench/monitor.sh"),
            new Benchmark("ui", "Web UI pages: server time with a 10,000-run experiment", "bench/ui.sh"));

    static final String HEADER = """
            # Benchmarks

            Every figure Ballast's issues set a speed target for, each next to a baseline measured in the same run on the
            same machine (plain JDBC or SQL for the database paths, `git hash-object` for dataset blobs, a sort for the
            drift statistics, FastAPI + scikit-learn for serving, the matching JSON API call for web pages). The ratio is
            the figure to watch; absolute numbers move with the machine. The benchmarks start a whole Ballast on a
            PostgreSQL database of their own (created and dropped by the run), and the client, Ballast and PostgreSQL share
            the machine's cores, so the figures are lower bounds for a deployment with a database server of its own.

            This file is written by one command from the repository root (PostgreSQL on 127.0.0.1:5432, trust
            authentication for `postgres`, or `BALLAST_BENCH_POSTGRES_URL`):

                ./ballast bench                  # every benchmark, about 20 minutes plus the build
                ./ballast bench tracking ui      # only these; the other blocks keep their last figures

            Each `bench/<name>.sh` also runs alone (its header lists its knobs) and appends its section at the end of
            this file; the next `./ballast bench` rewrites the file from its blocks. Earlier runs are in its git history.
            """;

    private static final Pattern BLOCK = Pattern.compile("<!-- bench:([a-z0-9-]+) -->\\n(.*?)<!-- /bench:\\1 -->\\n?",
            Pattern.DOTALL);
    private static final Pattern SECTION_HEADING = Pattern.compile("(?m)^## (.+)$");
    private static final Pattern MACHINE_LINE = Pattern.compile("(?m)^- Machine: (.+)$");

    private SuiteReport() {
    }

    /** A benchmark of the suite: its name (bench/NAME.sh), what it measures, the script. */
    record Benchmark(String name, String title, String script) {
    }

    /**
     * What one benchmark left this run: its section (what it appended to its report file) or, when it wrote none,
     * why (exit status and the end of its log).
     */
    record Outcome(String name, String section, int status, double seconds, String logTail) {
        boolean finished() {
            return section != null && !section.isBlank();
        }
    }

    /**
     * Usage: {@code SuiteReport OUTPUT DATE NAME:STATUS:SECONDS:SECTION_FILE:LOG_FILE ...}. Reads the existing OUTPUT
     * (if it has blocks), replaces the blocks of the benchmarks given and rewrites it.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: SuiteReport OUTPUT DATE NAME:STATUS:SECONDS:SECTION_FILE:LOG_FILE ...");
            System.exit(2);
        }
        Path output = Path.of(args[0]);
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            String[] p = args[i].split(":", 5);
            Path section = Path.of(p[3]);
            Path log = Path.of(p[4]);
            outcomes.add(new Outcome(p[0], Files.exists(section) ? Files.readString(section) : null, Integer.parseInt(p[1]),
                    Double.parseDouble(p[2]), Files.exists(log) ? tail(Files.readString(log), 15) : ""));
        }
        String previous = Files.exists(output) ? Files.readString(output) : "";
        String text = render(args[1], previous, outcomes);
        Files.writeString(output, text, StandardCharsets.UTF_8);
        System.out.print(summaryOnly(text));
    }

    /** The whole file: header, summary, then one block per benchmark (this run's, else the previous file's). */
    static String render(String date, String previous, List<Outcome> outcomes) {
        Map<String, String> blocks = blocksOf(previous);
        for (Outcome o : outcomes) {
            blocks.put(o.name(), block(o));
        }
        StringBuilder md = new StringBuilder(HEADER);
        md.append("\n## Summary\n\n");
        md.append("Last written ").append(date).append(" by `./ballast bench` (").append(ran(outcomes)).append(").");
        String machine = firstMachine(blocks);
        if (machine != null) {
            md.append(" Machine: ").append(machine).append('.');
        }
        md.append(" Every figure with a target; the blocks below have the rest, the sizes and how each was measured.\n\n");
        md.append("| Benchmark | Measure | Ballast | Baseline | Ballast vs baseline | Target | Result |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- |\n");
        int pass = 0;
        int fail = 0;
        int other = 0;
        for (Benchmark b : BENCHMARKS) {
            String block = blocks.get(b.name());
            if (block == null) {
                md.append("| ").append(b.name()).append(" | not run yet | - | - | - | - | n/a |\n");
                other++;
                continue;
            }
            List<String[]> rows = tableRows(block);
            if (rows.isEmpty()) {
                md.append("| ").append(b.name()).append(" | did not finish (see its block) | - | - | - | - | n/a |\n");
                other++;
            }
            for (String[] r : rows) {
                if (r.length < 6 || r[4].equals("-")) {
                    continue;
                }
                md.append("| ").append(b.name());
                for (String cell : r) {
                    md.append(" | ").append(cell);
                }
                md.append(" |\n");
                switch (r[5]) {
                    case "PASS" -> pass++;
                    case "FAIL" -> fail++;
                    default -> other++;
                }
            }
        }
        md.append('\n').append(pass).append(" targets met, ").append(fail).append(" missed, ").append(other)
                .append(" not measured.\n");
        for (Benchmark b : BENCHMARKS) {
            String block = blocks.remove(b.name());
            if (block != null) {
                md.append('\n').append("<!-- bench:").append(b.name()).append(" -->\n").append(block)
                        .append("<!-- /bench:").append(b.name()).append(" -->\n");
            }
        }
        return md.toString();
    }

    /** One benchmark's block: a heading with the title and script, then its section with the heading one level down. */
    static String block(Outcome o) {
        Benchmark b = benchmark(o.name());
        StringBuilder md = new StringBuilder();
        md.append("## ").append(b.title()).append("\n\n");
        md.append("`").append(b.script()).append("`, ").append(duration(o.seconds())).append(" in the last `./ballast bench`.\n");
        if (o.finished()) {
            String section = o.section();
            int heading = section.indexOf("\n## ");
            section = heading < 0 ? section : section.substring(heading); // without a file header Report wrote first
            section = SECTION_HEADING.matcher(section.strip()).replaceAll("### $1");
            md.append('\n').append(section).append('\n');
        }
        if (o.status() != 0 || !o.finished()) {
            md.append("\n**Did not finish** (exit status ").append(o.status()).append("). The end of its log:\n\n```\n")
                    .append(o.logTail().strip()).append("\n```\n");
        }
        return md.toString();
    }

    /** The figure rows of every result table in a block (cells unescaped), without header and separator rows. */
    static List<String[]> tableRows(String block) {
        List<String[]> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : block.split("\n")) {
            if (!line.startsWith("|")) {
                inTable = false;
                continue;
            }
            String[] cells = cells(line);
            if (cells.length > 0 && cells[0].equals("Measure")) {
                inTable = true;
                continue;
            }
            if (!inTable || cells.length > 0 && cells[0].equals("---")) {
                continue;
            }
            rows.add(cells);
        }
        return rows;
    }

    /** Cells of a Markdown table row; an escaped pipe stays inside its cell (and escaped, for re-rendering). */
    static String[] cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        String body = line.strip();
        body = body.substring(1, body.endsWith("|") && !body.endsWith("\\|") ? body.length() - 1 : body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length() && body.charAt(i + 1) == '|') {
                cell.append("\\|");
                i++;
            } else if (c == '|') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        return cells.toArray(String[]::new);
    }

    static Map<String, String> blocksOf(String file) {
        Map<String, String> blocks = new LinkedHashMap<>();
        Matcher m = BLOCK.matcher(file);
        while (m.find()) {
            blocks.put(m.group(1), m.group(2));
        }
        return blocks;
    }

    private static Benchmark benchmark(String name) {
        return BENCHMARKS.stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown benchmark: " + name));
    }

    private static String firstMachine(Map<String, String> blocks) {
        for (Benchmark b : BENCHMARKS) {
            String block = blocks.get(b.name());
            Matcher m = block == null ? null : MACHINE_LINE.matcher(block);
            if (m != null && m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    private static String ran(List<Outcome> outcomes) {
        StringBuilder s = new StringBuilder("ran ");
        double total = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            s.append(i == 0 ? "" : ", ").append(outcomes.get(i).name());
            total += outcomes.get(i).seconds();
        }
        return s.append(" in ").append(duration(total)).toString();
    }

    private static String duration(double seconds) {
        return seconds < 90 ? Math.round(seconds) + " s" : String.format(java.util.Locale.ROOT, "%.1f min", seconds / 60);
    }

    private static String summaryOnly(String text) {
        int start = text.indexOf("## Summary");
        int end = text.indexOf("<!-- bench:", start);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    private static String tail(String log, int lines) {
        String[] all = log.split("\n");
        StringBuilder s = new StringBuilder();
        for (int i = Math.max(0, all.length - lines); i < all.length; i++) {
            s.append(all[i]).append('\n');
        }
        return s.toString();
    }
}
