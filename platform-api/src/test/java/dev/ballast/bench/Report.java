package dev.ballast.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders the figures twice: as an aligned table for the terminal (stdout) and as a dated
 * Markdown section appended to BENCHMARKS.md, so that the history of runs stays in the
 * repository next to the code it measured.
 */
public final class Report {
    static final String[] COLUMNS = {"Measure", "Ballast", "Baseline", "Ballast vs baseline", "Target", "Result"};

    /** The header a new BENCHMARKS.md starts with: the same as {@code ./ballast bench} writes. */
    static final String FILE_HEADER = SuiteReport.HEADER;


    private Report() {
    }

    /** The figures as a plain-text table with aligned columns. */
    public static String table(List<Figure> figures) {
        List<String[]> rows = new ArrayList<>();
        rows.add(COLUMNS);
        for (Figure f : figures) {
            rows.add(cells(f));
        }
        int[] width = new int[COLUMNS.length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int n = 0; n < rows.size(); n++) {
            String[] r = rows.get(n);
            for (int i = 0; i < r.length; i++) {
                out.append(i == 0 ? "" : "  ").append(pad(r[i], width[i]));
            }
            out.setLength(trimEnd(out));
            out.append('\n');
            if (n == 0) {
                int total = 0;
                for (int w : width) {
                    total += w;
                }
                out.append("-".repeat(total + 2 * (width.length - 1))).append('\n');
            }
        }
        return out.toString();
    }

    /** A dated Markdown section of the tracking benchmark: machine, settings, the figure table and notes. */
    public static String markdownSection(String date, MachineInfo machine, List<String> settings, List<Figure> figures,
                                         List<String> notes) {
        return markdownSection("tracking API on PostgreSQL", date, machine, settings, figures, notes);
    }

    /** A dated Markdown section titled {@code "<date> - <title>"}: machine, settings, the figure table and notes. */
    public static String markdownSection(String title, String date, MachineInfo machine, List<String> settings, List<Figure> figures,
                                         List<String> notes) {
        StringBuilder md = new StringBuilder();
        md.append("\n## ").append(date).append(" - ").append(title).append("\n\n");
        md.append("- Machine: ").append(machine.cpus()).append(" cores (").append(machine.cpuModel()).append("), ")
                .append(machine.memory()).append(" memory, ").append(machine.os()).append('\n');
        md.append("- Java: ").append(machine.java()).append('\n');
        md.append("- PostgreSQL: ").append(machine.postgres()).append('\n');
        if (!machine.postgresSettings().isEmpty()) {
            md.append("- PostgreSQL settings: ").append(machine.postgresSettings()).append('\n');
        }
        md.append("- Commit: ").append(machine.commit()).append('\n');
        for (String s : settings) {
            md.append("- ").append(s).append('\n');
        }
        md.append('\n');
        md.append('|');
        for (String c : COLUMNS) {
            md.append(' ').append(c).append(" |");
        }
        md.append("\n|");
        for (int i = 0; i < COLUMNS.length; i++) {
            md.append(" --- |");
        }
        md.append('\n');
        for (Figure f : figures) {
            md.append('|');
            for (String c : cells(f)) {
                md.append(' ').append(c.replace("|", "\\|")).append(" |");
            }
            md.append('\n');
        }
        if (!notes.isEmpty()) {
            md.append('\n');
            for (String n : notes) {
                md.append("- ").append(n).append('\n');
            }
        }
        return md.toString();
    }

    /** Appends {@code section} to {@code file}, writing the file header first when the file is new or empty. */
    public static void append(Path file, String section) throws IOException {
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        String text = fresh ? FILE_HEADER + section : section;
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String[] cells(Figure f) {
        return new String[] {f.measure(), f.ballast(), f.baseline(), f.comparison(), f.target(), f.verdict().label()};
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }

    private static int trimEnd(StringBuilder sb) {
        int n = sb.length();
        while (n > 0 && sb.charAt(n - 1) == ' ') {
            n--;
        }
        return n;
    }
}
